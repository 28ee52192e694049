package dev.vigil.tools.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The embedding models the evaluation can retrieve with ({@code ./vigil eval --retriever}). Production retrieves
 * with MiniLM; BGE-small is the stronger in-process candidate issue 16 measured (not adopted: see
 * docs/evaluation.md). The judge and the assistant's scoring stay on MiniLM either way.
 */
public enum RetrieverModel {
  MINILM("minilm"),
  BGE_SMALL("bge-small");

  private final String label;

  RetrieverModel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(RetrieverModel::label).toList();
  }

  public static RetrieverModel of(String label) {
    return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("--retriever must be one of " + labels() + ", not " + label));
  }
}
