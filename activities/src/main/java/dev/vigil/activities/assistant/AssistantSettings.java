package dev.vigil.activities.assistant;

/**
 * Thresholds of the no-LLM answer step.
 *
 * @param minConfidence lowest query–entry cosine at which Vigil answers (calibrated on the FAQ fixture: paraphrases
 *     score 0.6–0.9, unrelated questions below 0.45)
 * @param repeatCosine an answer this similar (cosine) to one already offered on the ticket is a repeat
 * @param maxAnswerChars longest extractive answer; longer entries are cut at a sentence boundary
 */
public record AssistantSettings(double minConfidence, double repeatCosine, int maxAnswerChars) {
  public static AssistantSettings defaults() {
    return new AssistantSettings(0.55, 0.7, 700);
  }
}
