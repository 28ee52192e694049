package dev.vigil.activities.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-process all-MiniLM-L6-v2 model (384 dimensions, ONNX, shipped inside its jar). Its tokenizer reads only the
 * first 128 tokens of a text, so callers embed focused text. Vectors are L2-normalised.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  private static final int CACHE_SIZE = 4_096;
  public static final int DIMENSIONS = 384;

  private final ExecutorService executor;
  private final EmbeddingModel model;

  private MiniLmEmbedder(ExecutorService executor, EmbeddingModel model) {
    this.executor = executor;
    this.model = model;
  }

  /**
   * Loads the model (about 3 s). The tokenizer's native library is cached in {@code cacheDir} (DJL's cache), not in
   * the user's home, unless {@code DJL_CACHE_DIR} is already set.
   */
  public static MiniLmEmbedder load(Path cacheDir, int threads) {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "minilm-embedder");
      t.setDaemon(true);
      return t;
    });
    return new MiniLmEmbedder(executor, new AllMiniLmL6V2EmbeddingModel(executor));
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  /**
   * The same texts come back often — a ticket's offered answers at every repeat check, an entry's unchanged text at
   * every counter update, a learned question at every de-duplication — and one embedding costs 5–20 ms on 2 cores,
   * so single embeddings are kept in a small LRU cache (about 6 MiB). Bulk embeddings are not cached.
   */
  private final Map<String, float[]> recent = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  @Override
  public float[] embed(String text) {
    float[] cached;
    synchronized (recent) {
      cached = recent.get(text);
    }
    if (cached == null) {
      cached = normalised(model.embed(text).content());
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
      vectors.add(normalised(e));
    }
    return vectors;
  }

  private static float[] normalised(Embedding embedding) {
    float[] v = embedding.vector();
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
