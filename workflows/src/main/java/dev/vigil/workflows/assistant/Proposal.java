package dev.vigil.workflows.assistant;

import java.time.Duration;
import java.util.List;

/**
 * The answer step's result: an answer with its citations and confidence, or none, with the reason either way.
 *
 * @param delivery {@link Delivery#AUTO} when the tenant allows direct answers and the confidence reaches the auto
 *     threshold, else {@link Delivery#SUGGEST}
 * @param autoAfter how long an analyst has to reply before an {@code auto} answer goes to the customer
 */
public record Proposal(ProposalOutcome outcome, String text, List<String> citations, double confidence,
    String reason, Delivery delivery, Duration autoAfter) {

  public Proposal(ProposalOutcome outcome, String text, List<String> citations, double confidence, String reason) {
    this(outcome, text, citations, confidence, reason, Delivery.SUGGEST, null);
  }

  public boolean answered() {
    return outcome == ProposalOutcome.ANSWER;
  }
}
