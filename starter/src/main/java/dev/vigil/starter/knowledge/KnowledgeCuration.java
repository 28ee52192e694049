package dev.vigil.starter.knowledge;

import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A person's changes to knowledge entries, shared by the REST API and the knowledge browser. Every change names
 * its actor in the entry's audit note and is refused with {@code StaleVersionException} (409) when the caller saw
 * an older version than the stored one.
 */
@Service
public class KnowledgeCuration {
  private final KnowledgeIndex index;

  public KnowledgeCuration(KnowledgeIndex index) {
    this.index = index;
  }

  /** Search hits, or a page of entries when there is no query. */
  public record KnowledgeResults(String query, List<KnowledgeHit> hits, List<KnowledgeEntry> entries, long total) {}

  /**
   * With a query: hybrid search (BM25 + kNN fused by reciprocal rank) over global entries and the tenant's own,
   * among entries of the given statuses (null: active ones, what Vigil answers from) and kind. Without: entries of
   * the tenant's scope, of one status (or any) and kind, newest first, with their total.
   */
  public KnowledgeResults find(String q, String tenant, Set<EntryStatus> statuses, String product, EntryKind kind,
      int offset, int limit) {
    if (q != null && !q.isBlank()) {
      if (q.length() > 2_000) {
        throw new IllegalArgumentException("q is longer than 2000 characters");
      }
      KnowledgeQuery query = new KnowledgeQuery(q, blankToNull(tenant), blankToNull(product), statuses,
          Math.min(limit, 100), Math.max(50, Math.min(limit, 100)));
      List<KnowledgeHit> hits = index.search(query).stream()
          .filter(hit -> kind == null || hit.entry().kind() == kind)
          .toList();
      return new KnowledgeResults(q, hits, null, -1);
    }
    EntryStatus status = statuses == null || statuses.size() != 1 ? null : statuses.iterator().next();
    KnowledgeFilter filter = new KnowledgeFilter(status, blankToNull(tenant), kind);
    return new KnowledgeResults(null, null, index.list(filter, offset, limit), index.count(filter));
  }

  /** An entry with every stored version, oldest first. */
  public record EntryWithHistory(KnowledgeEntry entry, List<KnowledgeEntry> history) {}

  public EntryWithHistory read(String id) {
    KnowledgeEntry entry = existing(id);
    return new EntryWithHistory(entry, index.history(id));
  }

  /** Withdraws the entry from answers. */
  public KnowledgeEntry retire(String id, long expectedVersion, String user) {
    existing(id);
    return index.retire(id, expectedVersion, EntryChange.by(user, "retired", "retired by " + user));
  }

  /** Brings a retired entry back to the status it had before. */
  public KnowledgeEntry restore(String id, long expectedVersion, String user) {
    existing(id);
    return index.restore(id, expectedVersion, EntryChange.by(user, "restored", "restored by " + user));
  }

  /** Makes a draft (a learned entry awaiting review) active. */
  public KnowledgeEntry approve(String id, long expectedVersion, String user) {
    existing(id);
    return index.approve(id, expectedVersion, EntryChange.by(user, "approved", "approved by " + user));
  }

  /**
   * Writes a new version with an earlier version's content; nothing is lost, so a revert can be reverted.
   *
   * @param expectedVersion the current version the caller saw, or null to take the stored one
   */
  public KnowledgeEntry revert(String id, long version, Long expectedVersion, String user) {
    KnowledgeEntry current = existing(id);
    if (version < 1 || version >= current.version()) {
      throw new IllegalArgumentException("version must be an earlier version of " + id + " (1.."
          + (current.version() - 1) + ")");
    }
    return index.revert(id, version, expectedVersion == null ? current.version() : expectedVersion,
        EntryChange.by(user, "reverted", "reverted to version " + version + " by " + user));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private KnowledgeEntry existing(String id) {
    return index.get(id).orElseThrow(() -> new KnowledgeController.KnowledgeNotFound(id));
  }
}
