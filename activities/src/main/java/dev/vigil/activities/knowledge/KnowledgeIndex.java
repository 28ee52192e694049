package dev.vigil.activities.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Vigil's knowledge store. Two implementations (embedded Lucene, Elasticsearch) pass one contract suite.
 *
 * <p>Writes are versioned with optimistic concurrency: a write names the version it replaces (0 to create) and is
 * rejected with {@link StaleVersionException} when that is not the stored version. Every version is kept, until an
 * entry is hard-deleted ({@link #delete}) or erasure scrubs its provenance ({@link #rewriteVersions}).
 */
public interface KnowledgeIndex extends AutoCloseable {

  /** Stores {@code entry} as the version after {@code expectedVersion} (0 creates). Returns what was stored. */
  KnowledgeEntry upsert(KnowledgeEntry entry, long expectedVersion);

  Optional<KnowledgeEntry> get(String id);

  /**
   * Idempotent bulk write (imports): creates missing entries, writes a new version of those whose content changed,
   * leaves identical ones alone. Embeds the entries in batches.
   */
  BulkResult bulkUpsert(List<KnowledgeEntry> entries);

  /** Every stored version of an entry, oldest first; empty when it does not exist. */
  List<KnowledgeEntry> history(String id);

  /**
   * Hard-deletes an entry: its current version and every version in its history, expunged from the storage (not
   * only marked deleted). Answers whether there was anything to delete. For a secret that slipped through and for a
   * customer's erasure; curation that may need undoing retires instead.
   */
  boolean delete(String id);

  /**
   * The ids of the entries any stored version of which names one of {@code ticketIds} in its provenance. Reads the
   * whole history (erasure is rare; the provenance is deliberately not indexed for search).
   */
  Set<String> idsLearnedFrom(Collection<String> ticketIds);

  /**
   * Rewrites every stored version of an entry in place (same ids and version numbers; no new version is written):
   * erasure removing a customer's tickets from the provenance and the audit lines. {@code rewrite} must not change
   * what is searched (question, answer, tags, scope, status). Does nothing when the entry does not exist.
   */
  void rewriteVersions(String id, UnaryOperator<KnowledgeEntry> rewrite);

  /** Raw BM25 over question, answer and tags, with the query's filters: the top k. */
  List<RankedEntry> bm25(KnowledgeQuery query);

  /** Raw kNN (top k of {@code candidates} explored) with the query's filters; scores are (1 + cosine) / 2. */
  List<RankedEntry> knn(KnowledgeQuery query, float[] vector);

  /** BM25 and kNN with the same filters, each contributing its top k, fused by reciprocal rank. */
  List<KnowledgeHit> hybrid(KnowledgeQuery query, float[] vector);

  /** Hybrid search with the query text embedded by this index's embedder. */
  List<KnowledgeHit> search(KnowledgeQuery query);

  List<KnowledgeEntry> list(KnowledgeFilter filter, int offset, int limit);

  long count(KnowledgeFilter filter);

  /** A short description of the backing store's health; throws when it is unreachable. */
  String health();

  /** Bytes the index occupies on disk (entries, vectors, history). */
  long sizeInBytes();

  /** Withdraws an entry from answers (a new version with status {@code retired}). */
  default KnowledgeEntry retire(String id, long expectedVersion) {
    return retire(id, expectedVersion, EntryChange.by("api", "retired", "withdrawn from answers"));
  }

  default KnowledgeEntry retire(String id, long expectedVersion, EntryChange change) {
    KnowledgeEntry current = current(id, expectedVersion);
    return upsert(current.withStatus(EntryStatus.RETIRED).withChange(change), expectedVersion);
  }

  /** Brings a retired entry back with the status it had before it was retired. */
  default KnowledgeEntry restore(String id, long expectedVersion) {
    return restore(id, expectedVersion, EntryChange.by("api", "restored", "brought back after retirement"));
  }

  default KnowledgeEntry restore(String id, long expectedVersion, EntryChange change) {
    KnowledgeEntry current = current(id, expectedVersion);
    if (current.status() != EntryStatus.RETIRED) {
      throw new EntryStateException("entry " + id + " is " + current.status().wireName() + ", not retired");
    }
    List<KnowledgeEntry> versions = history(id);
    EntryStatus before = EntryStatus.ACTIVE;
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (versions.get(i).status() != EntryStatus.RETIRED) {
        before = versions.get(i).status();
        break;
      }
    }
    return upsert(current.withStatus(before).withChange(change), expectedVersion);
  }

  /** Makes a draft (learned and awaiting review) usable in answers. */
  default KnowledgeEntry approve(String id, long expectedVersion, EntryChange change) {
    KnowledgeEntry current = current(id, expectedVersion);
    if (current.status() != EntryStatus.DRAFT) {
      throw new EntryStateException("entry " + id + " is " + current.status().wireName() + ", not a draft");
    }
    return upsert(current.withStatus(EntryStatus.ACTIVE).withChange(change), expectedVersion);
  }

  /**
   * Undoes changes: writes a new version whose content (question, answer, product, tags, scope, provenance, status)
   * is that of {@code version}. Counters keep counting; the history keeps everything, so a revert can be reverted.
   */
  default KnowledgeEntry revert(String id, long version, long expectedVersion, EntryChange change) {
    KnowledgeEntry current = current(id, expectedVersion);
    KnowledgeEntry old = history(id).stream().filter(v -> v.version() == version).findFirst()
        .orElseThrow(() -> new EntryStateException("entry " + id + " has no version " + version));
    return upsert(current.withContentOf(old).withChange(change), expectedVersion);
  }

  private KnowledgeEntry current(String id, long expectedVersion) {
    return get(id).orElseThrow(() -> new StaleVersionException(id, expectedVersion, 0));
  }

  @Override
  void close();
}
