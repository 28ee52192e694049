package dev.vigil.workflows.learning;

import java.util.List;

/** What the extracting step found in a case: the pairs to write, or none and why. */
public record Extraction(List<LearnedQa> pairs, String reason) {

  public Extraction {
    pairs = pairs == null ? List.of() : List.copyOf(pairs);
  }
}
