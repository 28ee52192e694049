package dev.vigil.workflows.learning;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Port to the learning side effects; implemented in the activities module. Every method is idempotent: a retried
 * step finds its earlier effect (by the keys in its arguments) and reports it as {@code unchanged}.
 */
@ActivityInterface
public interface LearningActivities {

  /** Redacts the closed ticket and decides the tenant's learning policy. Writes nothing. */
  @ActivityMethod
  LearningCase prepare(ClosedTicket ticket);

  /** Reviews Vigil's own answers on the case against what happened next. Writes nothing. */
  @ActivityMethod
  java.util.List<ReviewVerdict> review(LearningCase learningCase);

  /** Applies one verdict to each cited entry (support up, corrected entry, or retirement): one change per entry. */
  @ActivityMethod
  java.util.List<KnowledgeChange> applyVerdict(LearningCase learningCase, ReviewVerdict verdict);

  /**
   * Reviews one of Vigil's answers while its ticket is still open, by what the conversation shows since it was offered
   * (the analyst dismissed it and answered otherwise, the customer said it did not help, or that it did), and applies
   * the verdict when the evidence is clear; otherwise leaves it to the review at closure.
   */
  @ActivityMethod
  AnswerReviewOutcome reviewOpenAnswer(OpenAnswerReview review);

  /** Extracts generic question-and-answer pairs from the human-resolved dialogue. Writes nothing. */
  @ActivityMethod
  Extraction extract(LearningCase learningCase);

  /** Writes one pair: merged into a near-duplicate of the same scope and product, or created. */
  @ActivityMethod
  KnowledgeChange write(LearningCase learningCase, LearnedQa pair);
}
