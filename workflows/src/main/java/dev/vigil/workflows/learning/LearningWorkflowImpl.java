package dev.vigil.workflows.learning;

import dev.vigil.workflows.shared.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The learning process. Review runs before extraction so that an entry that proved wrong is retired before a new
 * pair could merge into it. Every step is an idempotent activity, retried without limit on transient failures (the
 * knowledge index being down delays learning; it never loses it).
 */
public class LearningWorkflowImpl implements LearningWorkflow {
  private static final Logger log = Workflow.getLogger(LearningWorkflowImpl.class);

  private final LearningActivities activities = Workflow.newActivityStub(
      LearningActivities.class,
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.HEAVY) // embedding and index writes: never in the way of workflow tasks
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(1))
              .setBackoffCoefficient(2.0)
              .setMaximumInterval(Duration.ofMinutes(1))
              .setDoNotRetry(IllegalArgumentException.class.getName())
              .build())
          .build());

  private final List<KnowledgeChange> changes = new ArrayList<>();

  @Override
  public LearningOutcome learn(ClosedTicket ticket) {
    LearningCase learningCase = activities.prepare(ticket);
    log.info("learning from ticket {} (closing #{}, {} values redacted)", learningCase.ticketId(),
        ticket.closeNumber(), learningCase.valuesRedacted());
    for (ReviewVerdict verdict : activities.review(learningCase)) {
      changes.addAll(activities.applyVerdict(learningCase, verdict));
    }
    Extraction extraction = activities.extract(learningCase);
    if (extraction.pairs().isEmpty()) {
      changes.add(KnowledgeChange.skipped(null, extraction.reason()));
    }
    for (LearnedQa pair : extraction.pairs()) {
      changes.add(activities.write(learningCase, pair));
    }
    return new LearningOutcome(learningCase.ticketId(), ticket.closeNumber(), learningCase.valuesRedacted(), changes,
        Instant.ofEpochMilli(Workflow.currentTimeMillis()));
  }

  @Override
  public List<KnowledgeChange> changes() {
    return List.copyOf(changes);
  }
}
