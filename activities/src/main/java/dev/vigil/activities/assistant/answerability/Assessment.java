package dev.vigil.activities.assistant.answerability;

import java.util.List;
import java.util.Optional;

/**
 * What the propose step weighed for one query of one ticket: its candidates in the model's order (most probable
 * first). At a threshold the answer is the first candidate whose confidence reaches it, so the model's ranking
 * decides between candidates and a repeat ({@link Repeats}) only makes an assessment answerable.
 */
public record Assessment(String ticketId, String query, List<Candidate> candidates) {

  public Assessment {
    candidates = List.copyOf(candidates);
  }

  /** The candidate answered at {@code minConfidence}, if any. */
  public Optional<Candidate> answer(double minConfidence) {
    return candidates.stream().filter(c -> c.confidence() >= minConfidence).findFirst();
  }

  /** The highest threshold at which this assessment answers (0 without candidates). */
  public double topConfidence() {
    return candidates.stream().mapToDouble(Candidate::confidence).max().orElse(0);
  }

  /** Observes every assessment (the evaluation harness records them to fit the model and draw its curve). */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = assessment -> { };

    void assessed(Assessment assessment);
  }
}
