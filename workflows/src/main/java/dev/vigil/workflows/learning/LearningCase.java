package dev.vigil.workflows.learning;

import java.util.List;

/**
 * A closed ticket made fit for learning: every text already redacted, the tenant's learning policy decided. Nothing
 * after the preparing step sees the raw ticket.
 *
 * @param ticketId the ticket's id at its source (what provenance names)
 * @param key identifies this closing of this ticket ({@code <ticket workflow id>#<close number>}): the root of every
 *     idempotency key of the run
 * @param tenant the customer's tenant, or null for a single-tenant installation
 * @param scope where learned entries go: the tenant's private scope, or {@code global} when the tenant shares
 * @param entryStatus {@code active}, or {@code draft} when the tenant wants learned entries reviewed first
 * @param turns the dialogue, redacted, in order
 * @param resolutionNote the analyst's resolution note, redacted, or null
 * @param vigilAnswers what Vigil offered on the ticket and what became of it
 */
public record LearningCase(
    String ticketId,
    String key,
    String tenant,
    String scope,
    String entryStatus,
    String product,
    String subject,
    List<String> tags,
    List<CaseTurn> turns,
    String resolutionNote,
    List<VigilAnswer> vigilAnswers,
    int valuesRedacted) {

  public LearningCase {
    tags = tags == null ? List.of() : List.copyOf(tags);
    turns = turns == null ? List.of() : List.copyOf(turns);
    vigilAnswers = vigilAnswers == null ? List.of() : List.copyOf(vigilAnswers);
  }

  /** The workflow id of the ticket this case comes from (the part of {@link #key} before the close number). */
  public String ticketWorkflowId() {
    int hash = key.lastIndexOf('#');
    return hash < 0 ? key : key.substring(0, hash);
  }
}
