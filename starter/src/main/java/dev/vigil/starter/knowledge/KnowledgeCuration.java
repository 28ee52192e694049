package dev.vigil.starter.knowledge;

import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.starter.audit.Audit;
import dev.vigil.starter.security.SecurityConfiguration;
import dev.vigil.starter.security.StaffScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * A person's changes to knowledge entries, shared by the REST API and the knowledge browser. Every change names
 * its actor in the entry's audit note and is refused with {@code StaleVersionException} (409) when the caller saw
 * an older version than the stored one.
 */
@Service
public class KnowledgeCuration {
  /** The scope of entries that serve every tenant. */
  public static final String GLOBAL = "global";

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
    StaffScope scope = StaffScope.current();
    String requested = blankToNull(tenant);
    if (requested != null && !requested.equals(GLOBAL) && !scope.allows(requested)) {
      // another tenant's knowledge does not exist for this member of staff
      return new KnowledgeResults(q, q == null || q.isBlank() ? null : List.of(),
          q == null || q.isBlank() ? List.of() : null, q == null || q.isBlank() ? 0 : -1);
    }
    if (q != null && !q.isBlank()) {
      if (q.length() > 2_000) {
        throw new IllegalArgumentException("q is longer than 2000 characters");
      }
      // without a tenant, restricted staff search their own tenant's entries when they have one, else global ones
      String searchTenant = requested != null || scope.unrestricted() || scope.tenants().size() != 1
          ? requested : scope.tenants().iterator().next();
      KnowledgeQuery query = new KnowledgeQuery(q, searchTenant, blankToNull(product), statuses,
          Math.min(limit, 100), Math.max(50, Math.min(limit, 100)));
      List<KnowledgeHit> hits = index.search(query).stream()
          .filter(hit -> kind == null || hit.entry().kind() == kind)
          .filter(hit -> visible(scope, hit.entry()))
          .toList();
      return new KnowledgeResults(q, hits, null, -1);
    }
    EntryStatus status = statuses == null || statuses.size() != 1 ? null : statuses.iterator().next();
    if (requested != null || scope.unrestricted()) {
      KnowledgeFilter filter = new KnowledgeFilter(status, requested, kind);
      return new KnowledgeResults(null, null, index.list(filter, offset, limit), index.count(filter));
    }
    // restricted staff without a tenant filter: global entries and their tenants', merged newest first
    List<KnowledgeEntry> merged = new ArrayList<>();
    long total = 0;
    for (String visibleScope : visibleScopes(scope)) {
      KnowledgeFilter filter = new KnowledgeFilter(status, visibleScope, kind);
      merged.addAll(index.list(filter, 0, offset + limit));
      total += index.count(filter);
    }
    List<KnowledgeEntry> page = merged.stream()
        .sorted(Comparator.comparing(KnowledgeEntry::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .skip(offset).limit(limit).toList();
    return new KnowledgeResults(null, null, page, total);
  }

  /** Whether the member of staff may see {@code entry}: global entries, and their tenants' own. */
  static boolean visible(StaffScope scope, KnowledgeEntry entry) {
    return GLOBAL.equals(entry.scope()) || scope.allows(entry.scope());
  }

  /**
   * Refuses a write to an entry of scope {@code entryScope} the signed-in member of staff may not change: another
   * tenant's (not found), or a global one unless they are an admin or work for every tenant.
   */
  public static void requireWritable(String entryScope, String id) {
    StaffScope scope = StaffScope.current();
    if (GLOBAL.equals(entryScope) ? !(scope.unrestricted() || isAdmin()) : !scope.allows(entryScope)) {
      throw GLOBAL.equals(entryScope)
          ? new GlobalEntriesAreForAdmins() : new KnowledgeController.KnowledgeNotFound(id);
    }
  }

  /** Only admins create global entries, or change them when they work for some tenants only. */
  public static class GlobalEntriesAreForAdmins extends RuntimeException {
    public GlobalEntriesAreForAdmins() {
      super("global knowledge serves every tenant: only an admin may write it");
    }
  }

  private static boolean isAdmin() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_" + SecurityConfiguration.ADMIN));
  }

  /** The knowledge scopes restricted staff see, in order: global, then their tenants alphabetically. */
  public static List<String> visibleScopes(StaffScope scope) {
    List<String> scopes = new ArrayList<>();
    scopes.add(GLOBAL);
    scopes.addAll(new java.util.TreeSet<>(scope.tenants()));
    return scopes;
  }

  /** An entry with every stored version, oldest first. */
  public record EntryWithHistory(KnowledgeEntry entry, List<KnowledgeEntry> history) {}

  public EntryWithHistory read(String id) {
    KnowledgeEntry entry = existing(id);
    return new EntryWithHistory(entry, index.history(id));
  }

  /** The entry for a change: another tenant's is not found, a global one needs an admin. */
  private KnowledgeEntry writable(String id) {
    KnowledgeEntry entry = existing(id);
    requireWritable(entry.scope(), id);
    return entry;
  }

  /** Withdraws the entry from answers. */
  public KnowledgeEntry retire(String id, long expectedVersion, String user) {
    writable(id);
    return index.retire(id, expectedVersion, EntryChange.by(user, "retired", "retired by " + user));
  }

  /** Brings a retired entry back to the status it had before. */
  public KnowledgeEntry restore(String id, long expectedVersion, String user) {
    writable(id);
    return index.restore(id, expectedVersion, EntryChange.by(user, "restored", "restored by " + user));
  }

  /** Makes a draft (a learned entry awaiting review) active. */
  public KnowledgeEntry approve(String id, long expectedVersion, String user) {
    writable(id);
    return index.approve(id, expectedVersion, EntryChange.by(user, "approved", "approved by " + user));
  }

  /**
   * Writes a new version with an earlier version's content; nothing is lost, so a revert can be reverted.
   *
   * @param expectedVersion the current version the caller saw, or null to take the stored one
   */
  public KnowledgeEntry revert(String id, long version, Long expectedVersion, String user) {
    KnowledgeEntry current = writable(id);
    if (version < 1 || version >= current.version()) {
      throw new IllegalArgumentException("version must be an earlier version of " + id + " (1.."
          + (current.version() - 1) + ")");
    }
    return index.revert(id, version, expectedVersion == null ? current.version() : expectedVersion,
        EntryChange.by(user, "reverted", "reverted to version " + version + " by " + user));
  }

  /** What a hard delete removed. */
  public record Deleted(String id, String scope, int versionsDeleted) {}

  /**
   * Hard-deletes an entry with every version (for a secret that slipped through); an entry whose current version is
   * already gone but whose history is not (an interrupted delete) is deleted too. Records an audit line.
   */
  public Deleted delete(String id, String user) {
    List<KnowledgeEntry> versions = index.history(id);
    KnowledgeEntry entry = index.get(id).orElse(versions.isEmpty() ? null : versions.get(versions.size() - 1));
    if (entry == null) {
      throw new KnowledgeController.KnowledgeNotFound(id);
    }
    requireWritable(entry.scope(), id);
    index.delete(id);
    Audit.record("knowledge-deleted id=" + id + " scope=" + entry.scope()
        + " versions=" + versions.size() + " by=" + user);
    return new Deleted(id, entry.scope(), versions.size());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The entry, if the signed-in member of staff may see it: another tenant's entry is not found. */
  private KnowledgeEntry existing(String id) {
    return index.get(id).filter(entry -> visible(StaffScope.current(), entry))
        .orElseThrow(() -> new KnowledgeController.KnowledgeNotFound(id));
  }
}
