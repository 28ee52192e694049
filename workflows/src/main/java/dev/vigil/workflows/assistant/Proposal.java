package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * The answer step's result: an answer with its citations and confidence, or none, with the reason either way.
 *
 * @param outcome {@code answer}, {@code no_knowledge} (nothing above the threshold) or {@code repeat}
 */
public record Proposal(String outcome, String text, List<String> citations, double confidence, String reason) {
  public static final String ANSWER = "answer";
  public static final String NO_KNOWLEDGE = "no_knowledge";
  public static final String REPEAT = "repeat";

  public boolean answered() {
    return ANSWER.equals(outcome);
  }
}
