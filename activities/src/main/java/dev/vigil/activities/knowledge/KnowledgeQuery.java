package dev.vigil.activities.knowledge;

import java.util.Set;

/**
 * A hybrid search: BM25 over question, answer and tags plus kNN over embeddings, fused by reciprocal rank.
 *
 * @param text the query text (also embedded for kNN)
 * @param tenant the caller's tenant: global entries and this tenant's are searched; null searches global only
 * @param product when not null, restricts to entries of this product and entries that name no product
 * @param statuses which statuses to search (active only by default)
 * @param k how many fused hits to return
 * @param candidates how many candidates each of BM25 and kNN contributes before fusion
 */
public record KnowledgeQuery(String text, String tenant, String product, Set<EntryStatus> statuses, int k,
    int candidates) {

  public KnowledgeQuery {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("query text must not be blank");
    }
    statuses = statuses == null || statuses.isEmpty() ? Set.of(EntryStatus.ACTIVE) : Set.copyOf(statuses);
    if (k < 1 || k > 100) {
      throw new IllegalArgumentException("k must be between 1 and 100");
    }
    if (candidates < k || candidates > 1000) {
      throw new IllegalArgumentException("candidates must be between k and 1000");
    }
  }

  public static KnowledgeQuery of(String text, String tenant) {
    return new KnowledgeQuery(text, tenant, null, null, 10, 50);
  }
}
