package dev.vigil.activities.knowledge;

import java.util.List;

/** Turns text into unit-length vectors for kNN search. */
public interface Embedder {

  int dimensions();

  float[] embed(String text);

  /** Embeds several texts; implementations use the model's batched path. */
  List<float[]> embedAll(List<String> texts);

  /** Cosine similarity of two unit vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
