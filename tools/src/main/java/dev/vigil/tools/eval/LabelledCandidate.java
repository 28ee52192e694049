package dev.vigil.tools.eval;

import dev.vigil.activities.assistant.answerability.Candidate;

/** A candidate the assistant weighed for {@code query}, with its passage's cosine to the thread's resolution. */
record LabelledCandidate(String query, Candidate candidate, double cosine) {

  OperatingCurve.Scored scored() {
    return new OperatingCurve.Scored(candidate.probability(), candidate.confidence(), cosine);
  }
}
