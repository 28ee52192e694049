package dev.vigil.tools.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.vigil.activities.knowledge.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BGE-small-en-v1.5, quantised (384 dimensions, ONNX, shipped inside its jar; reads up to 510 tokens), as a
 * candidate retrieval model for the evaluation ({@code ./vigil eval --retriever bge-small}). The texts are embedded
 * without BGE's optional query instruction, as the index embeds queries and entries through one method. The vectors
 * come normalised from the model.
 */
public final class BgeSmallEmbedder implements Embedder, AutoCloseable {
  private static final int CACHE_SIZE = 4_096;

  private final ExecutorService executor;
  private final EmbeddingModel model;
  private final Map<String, float[]> recent = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  public BgeSmallEmbedder(int threads) {
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bge-embedder");
      t.setDaemon(true);
      return t;
    });
    this.model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public float[] embed(String text) {
    float[] cached;
    synchronized (recent) {
      cached = recent.get(text);
    }
    if (cached == null) {
      cached = model.embed(text).content().vector();
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
    List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    embeddings.forEach(e -> vectors.add(e.vector()));
    return vectors;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
