package dev.vigil.activities.knowledge;

/** Which entries to list or count; null fields do not filter. {@code scope} is {@code global} or a tenant id. */
public record KnowledgeFilter(EntryStatus status, String scope, EntryKind kind) {
  public static final KnowledgeFilter ALL = new KnowledgeFilter(null, null, null);
}
