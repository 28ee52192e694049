package dev.vigil.activities.knowledge;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Embeds entries in batches while the previous batch is being written, so a bulk write costs about the larger of
 * embedding and indexing rather than their sum. Shared by both index implementations.
 */
public final class EmbeddingPipeline {
  public static final int BATCH = 64;

  /** Writes one embedded batch into an index. */
  @FunctionalInterface
  public interface BatchWriter {
    void write(List<KnowledgeEntry> batch, List<float[]> vectors) throws Exception;
  }

  private EmbeddingPipeline() {}

  public static void run(List<KnowledgeEntry> entries, Embedder embedder, BatchWriter writer) {
    if (entries.isEmpty()) {
      return;
    }
    ExecutorService embedding = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "embedding-pipeline");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletableFuture<List<float[]>> next = embed(entries, 0, embedder, embedding);
      for (int from = 0; from < entries.size(); from += BATCH) {
        List<KnowledgeEntry> slice = entries.subList(from, Math.min(entries.size(), from + BATCH));
        List<float[]> vectors = next.join();
        next = from + BATCH < entries.size() ? embed(entries, from + BATCH, embedder, embedding) : null;
        writer.write(slice, vectors);
      }
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("bulk write failed: " + e.getMessage(), e);
    } finally {
      embedding.shutdownNow();
    }
  }

  private static CompletableFuture<List<float[]>> embed(List<KnowledgeEntry> entries, int from, Embedder embedder,
      ExecutorService executor) {
    List<String> texts = entries.subList(from, Math.min(entries.size(), from + BATCH)).stream()
        .map(KnowledgeEntry::embeddingText).toList();
    return CompletableFuture.supplyAsync(() -> embedder.embedAll(texts), executor);
  }
}
