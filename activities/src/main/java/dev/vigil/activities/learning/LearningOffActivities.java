package dev.vigil.activities.learning;

import dev.vigil.workflows.learning.AnswerReviewOutcome;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.OpenAnswerReview;
import dev.vigil.workflows.learning.ReviewVerdict;
import java.util.List;

/**
 * Learning switched off (the evaluation's {@code --learning off}, tests that do not learn): closed tickets are
 * prepared as in production — redacted — but nothing is reviewed, extracted or written.
 */
public final class LearningOffActivities implements LearningActivities {
  private final CasePreparer preparer;
  private final String reason;

  public LearningOffActivities(CasePreparer preparer, String reason) {
    this.preparer = preparer;
    this.reason = reason;
  }

  @Override
  public LearningCase prepare(ClosedTicket ticket) {
    return preparer.prepare(ticket);
  }

  @Override
  public List<ReviewVerdict> review(LearningCase learningCase) {
    return List.of();
  }

  @Override
  public List<KnowledgeChange> applyVerdict(LearningCase learningCase, ReviewVerdict verdict) {
    return List.of();
  }

  @Override
  public AnswerReviewOutcome reviewOpenAnswer(OpenAnswerReview review) {
    return AnswerReviewOutcome.undecided(review.suggestionId(), "learning is off: " + reason);
  }

  @Override
  public Extraction extract(LearningCase learningCase) {
    return new Extraction(List.of(), reason);
  }

  @Override
  public KnowledgeChange write(LearningCase learningCase, LearnedQa pair) {
    throw new IllegalStateException("learning is off: " + reason);
  }
}
