package dev.vigil.activities.knowledge;

import java.util.ArrayList;
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
    /**
     * {@code vectors} are the entries' primary vectors; {@code questionVectors} their question vectors, null for
     * entries without one ({@link KnowledgeEntry#questionEmbeddingText()}).
     */
    void write(List<KnowledgeEntry> batch, List<float[]> vectors, List<float[]> questionVectors) throws Exception;
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
      CompletableFuture<Embedded> next = embed(entries, 0, embedder, embedding);
      for (int from = 0; from < entries.size(); from += BATCH) {
        List<KnowledgeEntry> slice = entries.subList(from, Math.min(entries.size(), from + BATCH));
        Embedded vectors = next.join();
        next = from + BATCH < entries.size() ? embed(entries, from + BATCH, embedder, embedding) : null;
        writer.write(slice, vectors.primary(), vectors.questions());
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

  /** One batch's primary vectors and question vectors (null where the entry has none). */
  public record Embedded(List<float[]> primary, List<float[]> questions) {}

  private static CompletableFuture<Embedded> embed(List<KnowledgeEntry> entries, int from, Embedder embedder,
      ExecutorService executor) {
    List<KnowledgeEntry> slice = entries.subList(from, Math.min(entries.size(), from + BATCH));
    return CompletableFuture.supplyAsync(() -> embed(slice, embedder), executor);
  }

  /** Primary and question texts of a batch in one model call. */
  public static Embedded embed(List<KnowledgeEntry> slice, Embedder embedder) {
    List<String> texts = new ArrayList<>(slice.size() * 2);
    slice.forEach(e -> texts.add(e.embeddingText()));
    slice.stream().map(KnowledgeEntry::questionEmbeddingText).filter(q -> q != null).forEach(texts::add);
    List<float[]> all = embedder.embedAll(texts);
    List<float[]> questions = new ArrayList<>(slice.size());
    int next = slice.size();
    for (KnowledgeEntry e : slice) {
      questions.add(e.questionEmbeddingText() == null ? null : all.get(next++));
    }
    return new Embedded(all.subList(0, slice.size()), questions);
  }
}
