package dev.vigil.workflows.learning;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/** Records the closed ticket it was given; extraction, review and de-duplication build on this record. */
public class LearningWorkflowImpl implements LearningWorkflow {
  private static final Logger log = Workflow.getLogger(LearningWorkflowImpl.class);

  private final LearningActivities activities = Workflow.newActivityStub(
      LearningActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(1))
              .setBackoffCoefficient(2.0)
              .setMaximumInterval(Duration.ofMinutes(1))
              .build())
          .build());

  private ClosedTicket ticket;

  @Override
  public LearningOutcome learn(ClosedTicket ticket) {
    this.ticket = ticket;
    log.info("learning from ticket {} (closing #{})", ticket.ticket().ticketId(), ticket.closeNumber());
    return activities.recordClosedTicket(ticket);
  }

  @Override
  public ClosedTicket ticket() {
    return ticket;
  }
}
