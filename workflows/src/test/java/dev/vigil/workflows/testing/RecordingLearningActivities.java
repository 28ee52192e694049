package dev.vigil.workflows.testing;

import dev.vigil.workflows.learning.AnswerReviewOutcome;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.OpenAnswerReview;
import dev.vigil.workflows.learning.ReviewVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Learning activities for workflow tests: keep what they were given and every call in order, answer with scripted
 * verdicts and pairs, optionally hold the first step until released.
 */
public class RecordingLearningActivities implements LearningActivities {
  public final List<ClosedTicket> recorded = new CopyOnWriteArrayList<>();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public volatile List<ReviewVerdict> verdicts = List.of();
  public volatile boolean nothingToLearn;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Makes the next calls block until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    gate.countDown();
  }

  @Override
  public LearningCase prepare(ClosedTicket ticket) {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the learning activity");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    recorded.add(ticket);
    calls.add("prepare");
    var view = ticket.ticket();
    List<CaseTurn> turns = new ArrayList<>();
    view.messages().forEach(m -> turns.add(new CaseTurn(m.id(), m.role().wireName(), m.text())));
    return new LearningCase(view.ticketId(), ticket.ticketWorkflowId() + "#" + ticket.closeNumber(), null, "global",
        "active", view.product(), view.subject(), List.of(), turns, view.resolutionNote(), List.of(), 2);
  }

  @Override
  public List<ReviewVerdict> review(LearningCase learningCase) {
    calls.add("review");
    return verdicts;
  }

  @Override
  public List<KnowledgeChange> applyVerdict(LearningCase learningCase, ReviewVerdict verdict) {
    calls.add("apply:" + verdict.verdict());
    return verdict.entryIds().stream()
        .map(id -> new KnowledgeChange(verdict.verdict() + "-applied", id, 2, verdict.reason())).toList();
  }

  /** What {@link #reviewOpenAnswer} answers; null: undecided. */
  public volatile ReviewVerdict openAnswerVerdict;
  public final List<OpenAnswerReview> openAnswerReviews = new CopyOnWriteArrayList<>();

  @Override
  public AnswerReviewOutcome reviewOpenAnswer(
      OpenAnswerReview review) {
    calls.add("reviewOpenAnswer:" + review.suggestionId());
    openAnswerReviews.add(review);
    ReviewVerdict verdict = openAnswerVerdict;
    if (verdict == null) {
      return AnswerReviewOutcome.undecided(review.suggestionId(),
          "the conversation does not tell yet");
    }
    return new AnswerReviewOutcome(review.suggestionId(), verdict,
        verdict.entryIds().stream().map(id -> new KnowledgeChange(verdict.verdict() + "-applied", id, 2,
            verdict.reason())).toList(), verdict.reason());
  }

  @Override
  public Extraction extract(LearningCase learningCase) {
    calls.add("extract");
    if (nothingToLearn) {
      return new Extraction(List.of(), "nothing to learn: no analyst answer");
    }
    return new Extraction(List.of(new LearnedQa(learningCase.key() + "#qa1", learningCase.subject(),
        learningCase.resolutionNote(), null, List.of(), List.of(), "rules")), "one pair");
  }

  @Override
  public KnowledgeChange write(LearningCase learningCase, LearnedQa pair) {
    calls.add("write");
    return new KnowledgeChange(KnowledgeChange.CREATED, "learned-" + pair.key(), 1, "new entry");
  }
}
