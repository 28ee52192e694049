package dev.vigil.workflows.learning;

/**
 * What one learning step did to the knowledge index, for the run's outcome and the audit log.
 *
 * @param action {@code created}, {@code merged}, {@code kept}, {@code modified}, {@code retired}, {@code unchanged}
 *     (already applied by an earlier attempt or run) or {@code skipped}
 * @param entryId the entry written or considered; null when nothing was
 * @param version the entry's version after the step (0 when nothing was written)
 */
public record KnowledgeChange(String action, String entryId, long version, String reason) {

  public static final String CREATED = "created";
  public static final String MERGED = "merged";
  public static final String KEPT = "kept";
  public static final String MODIFIED = "modified";
  public static final String RETIRED = "retired";
  public static final String UNCHANGED = "unchanged";
  public static final String SKIPPED = "skipped";

  public static KnowledgeChange skipped(String entryId, String reason) {
    return new KnowledgeChange(SKIPPED, entryId, 0, reason);
  }
}
