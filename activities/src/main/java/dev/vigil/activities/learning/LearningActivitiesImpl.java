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
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** The learning activities: thin adapters over the preparer, reviewer, extractor and writer. */
public class LearningActivitiesImpl implements LearningActivities {
  private final CasePreparer preparer;
  private final AnswerReviewer reviewer;
  private final QaExtractor extractor;
  private final OpenAnswerReviewer openReviewer;
  private final KnowledgeWriter writer;
  private final MeterRegistry meters;

  public LearningActivitiesImpl(CasePreparer preparer, AnswerReviewer reviewer, OpenAnswerReviewer openReviewer,
      QaExtractor extractor, KnowledgeWriter writer, MeterRegistry meters) {
    this.preparer = preparer;
    this.reviewer = reviewer;
    this.openReviewer = openReviewer;
    this.extractor = extractor;
    this.writer = writer;
    this.meters = meters;
  }

  @Override
  public LearningCase prepare(ClosedTicket ticket) {
    LearningCase prepared = preparer.prepare(ticket);
    meters.counter("vigil_learning_runs").increment();
    meters.counter("vigil_learning_redactions").increment(prepared.valuesRedacted());
    return prepared;
  }

  @Override
  public List<ReviewVerdict> review(LearningCase learningCase) {
    return reviewer.review(learningCase);
  }

  @Override
  public List<KnowledgeChange> applyVerdict(LearningCase learningCase, ReviewVerdict verdict) {
    return count(writer.apply(learningCase, verdict));
  }

  @Override
  public AnswerReviewOutcome reviewOpenAnswer(OpenAnswerReview review) {
    // the ticket is redacted like a closed one, so an edited answer or a counter update never stores raw text
    LearningCase c = preparer.prepare(new ClosedTicket(review.ticketWorkflowId(), 0, review.ticket()));
    OpenAnswerReviewer.Judgement judgement = openReviewer.judge(c, review.suggestionId());
    meters.counter("vigil_answer_reviews", "verdict",
        judgement.verdict() == null ? "undecided" : judgement.verdict().verdict()).increment();
    if (judgement.verdict() == null) {
      return AnswerReviewOutcome.undecided(review.suggestionId(), judgement.reason());
    }
    return new AnswerReviewOutcome(review.suggestionId(), judgement.verdict(),
        count(writer.apply(c, judgement.verdict())), judgement.reason());
  }

  @Override
  public Extraction extract(LearningCase learningCase) {
    return extractor.extract(learningCase);
  }

  @Override
  public KnowledgeChange write(LearningCase learningCase, LearnedQa pair) {
    return count(List.of(writer.write(learningCase, pair))).get(0);
  }

  private List<KnowledgeChange> count(List<KnowledgeChange> changes) {
    for (KnowledgeChange change : changes) {
      meters.counter("vigil_learning_changes", "action", change.action()).increment();
    }
    return changes;
  }
}
