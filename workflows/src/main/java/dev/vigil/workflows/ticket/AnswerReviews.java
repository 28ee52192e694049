package dev.vigil.workflows.ticket;

import dev.vigil.workflows.learning.AnswerReviewOutcome;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.OpenAnswerReview;
import dev.vigil.workflows.shared.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Reviews Vigil's answers while the ticket is still open, some time after each was offered, when the conversation
 * already shows whether it helped: an entry that proved wrong stops being suggested to anyone now, not only once
 * this ticket closes. The review runs on the heavy queue (it embeds and writes knowledge) and is never waited on;
 * its outcome lands in the decision log. A review still running when the run continues as new is not carried over:
 * the review at closure judges that answer instead.
 */
final class AnswerReviews {
  private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
      .setTaskQueue(TaskQueues.HEAVY)
      .setStartToCloseTimeout(Duration.ofMinutes(2))
      .setRetryOptions(RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumAttempts(5)
          .build())
      .build();

  private final TicketState state;
  private final boolean enabled;
  private final LearningActivities learning = Workflow.newActivityStub(LearningActivities.class, OPTIONS);

  /** {@code enabled}: false replays runs recorded before reviews existed exactly as they ran. */
  AnswerReviews(TicketState state, boolean enabled) {
    this.state = state;
    this.enabled = enabled;
  }

  /** When the next review is due, or null. */
  Instant dueAt() {
    return enabled ? state.answerReviewDueAt() : null;
  }

  /** Starts the reviews whose time has come; a closed ticket's answers are judged by the review at closure. */
  void startDue() {
    if (!enabled) {
      return;
    }
    for (String suggestionId : state.takeDueAnswerReviews(now())) {
      if (state.status() == TicketStatus.CLOSED) {
        continue;
      }
      OpenAnswerReview review = new OpenAnswerReview(state.workflowId(), state.caseForAnswerReview(suggestionId),
          suggestionId);
      Async.function(learning::reviewOpenAnswer, review).handle((outcome, failure) -> {
        if (failure != null) {
          state.decide(now(), DecisionKind.ANSWER_REVIEW_FAILED, "answer review failed",
              suggestionId + ": " + TicketMetrics.rootMessage(failure));
        } else {
          state.decide(now(), DecisionKind.ANSWER_REVIEWED, describe(outcome), outcome.reason());
        }
        return null;
      });
    }
  }

  private static String describe(AnswerReviewOutcome outcome) {
    if (outcome.verdict() == null) {
      return "reviewed " + outcome.suggestionId() + ": left to the review at closure";
    }
    return "reviewed " + outcome.suggestionId() + ": " + outcome.verdict().verdict() + " "
        + outcome.changes().stream().map(c -> c.action() + " " + c.entryId()).collect(Collectors.joining(", "));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
