package dev.vigil.activities.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An in-process ONNX embedding model of langchain4j (its weights inside its jar) on a pool of its own threads, with a
 * small cache of single embeddings. The concrete models ({@link MiniLmEmbedder}, the evaluation's BGE-small) say
 * which model, how many dimensions, and whether its vectors need normalising.
 */
public abstract class OnnxEmbedder implements Embedder, AutoCloseable {
  private static final int CACHE_SIZE = 4_096;

  private final ExecutorService executor;
  private final EmbeddingModel model;
  private final int dimensions;
  private final boolean normalise;

  /**
   * The same texts come back often — a ticket's offered answers at every repeat check, an entry's unchanged text at
   * every counter update, a learned question at every de-duplication, a turn the risk rules embedded and the
   * retrieval then searches — and one embedding costs 5–20 ms on 2 cores, so single embeddings are kept in a small
   * LRU cache (about 6 MiB). Bulk embeddings are not cached.
   */
  private final Map<String, float[]> recent = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  /**
   * @param threadName the name of the model's threads
   * @param model the model, built on the given executor
   * @param normalise whether the model's vectors must be L2-normalised here (some models normalise themselves)
   */
  protected OnnxEmbedder(String threadName, int threads, Function<ExecutorService, EmbeddingModel> model,
      int dimensions, boolean normalise) {
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    this.model = model.apply(executor);
    this.dimensions = dimensions;
    this.normalise = normalise;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public float[] embed(String text) {
    float[] cached;
    synchronized (recent) {
      cached = recent.get(text);
    }
    if (cached == null) {
      cached = vectorOf(model.embed(text).content());
      synchronized (recent) {
        recent.put(text, cached);
      }
    }
    return cached.clone();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      vectors.add(vectorOf(e));
    }
    return vectors;
  }

  private float[] vectorOf(Embedding embedding) {
    return normalise ? normalised(embedding.vector()) : embedding.vector();
  }

  private static float[] normalised(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
