package dev.vigil.workflows.learning;

import java.util.List;

/**
 * What the review of an answer on an open ticket decided.
 *
 * @param verdict what was applied to the cited entries, or null when the conversation does not decide yet
 * @param changes the changes to the cited entries (empty without a verdict)
 * @param reason why, for the ticket's decision log
 */
public record AnswerReviewOutcome(String suggestionId, ReviewVerdict verdict, List<KnowledgeChange> changes,
    String reason) {

  public AnswerReviewOutcome {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  public static AnswerReviewOutcome undecided(String suggestionId, String reason) {
    return new AnswerReviewOutcome(suggestionId, null, List.of(), reason);
  }
}
