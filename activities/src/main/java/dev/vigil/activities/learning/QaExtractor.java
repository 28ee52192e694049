package dev.vigil.activities.learning;

import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.LearningCase;

/** The extracting step: generic, standalone question-and-answer pairs from a redacted, human-resolved case. */
public interface QaExtractor {

  Extraction extract(LearningCase learningCase);
}
