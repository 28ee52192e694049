package dev.vigil.workflows.assistant;

import java.time.Duration;
import java.util.List;

/**
 * The answer step's result: an answer with its citations and confidence, or none, with the reason either way.
 *
 * @param outcome {@code answer}, {@code no_knowledge} (nothing above the threshold) or {@code repeat}
 * @param delivery {@code auto} when the tenant allows direct answers and the confidence reaches the auto threshold,
 *     else {@code suggest}
 * @param autoAfter how long an analyst has to reply before an {@code auto} answer goes to the customer
 */
public record Proposal(String outcome, String text, List<String> citations, double confidence, String reason,
    String delivery, Duration autoAfter) {

  public Proposal(String outcome, String text, List<String> citations, double confidence, String reason) {
    this(outcome, text, citations, confidence, reason, Understanding.SUGGEST, null);
  }

  public static final String ANSWER = "answer";
  public static final String NO_KNOWLEDGE = "no_knowledge";
  public static final String REPEAT = "repeat";

  public boolean answered() {
    return ANSWER.equals(outcome);
  }
}
