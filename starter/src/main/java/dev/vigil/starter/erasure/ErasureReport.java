package dev.vigil.starter.erasure;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure removed, as the API answers it and the audit line records it: counts and ids, no personal data.
 *
 * @param erasureId identifies this erasure in the audit trail
 * @param tenant the customer's tenant
 * @param customerKey the customer's opaque key (what Temporal's {@code VigilCustomer} attribute held)
 * @param tickets ticket workflows removed
 * @param learningRuns learning workflows removed
 * @param runsRemoved workflow runs deleted (or, on the dev server, terminated and forgotten)
 * @param knowledgeDeleted entries learned only from the customer's tickets, hard-deleted with their history
 * @param knowledgeScrubbed entries whose provenance no longer names the customer's tickets
 * @param mechanism {@code cluster} (deleted) or {@code dev-server} (forgotten)
 */
public record ErasureReport(String erasureId, String tenant, String customerKey, int tickets, int learningRuns,
    int runsRemoved, List<String> knowledgeDeleted, List<String> knowledgeScrubbed, String mechanism,
    Instant erasedAt) {

  public ErasureReport {
    knowledgeDeleted = List.copyOf(knowledgeDeleted);
    knowledgeScrubbed = List.copyOf(knowledgeScrubbed);
  }

  String auditLine(String actor) {
    return "erasure id=" + erasureId + " by=" + actor + " tenant=" + tenant + " customerKey=" + customerKey
        + " tickets=" + tickets + " learningRuns=" + learningRuns + " runsRemoved=" + runsRemoved
        + " knowledgeDeleted=" + knowledgeDeleted + " knowledgeScrubbed=" + knowledgeScrubbed
        + " mechanism=" + mechanism;
  }
}
