package dev.vigil.workflows.ticket;

import dev.vigil.workflows.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/**
 * How an event reaches its ticket: signal-with-start, so whichever event comes first starts the ticket's workflow.
 * The one path for the webhook intake, the evaluation harness, the benchmarks and the tests.
 */
public final class TicketDelivery {

  private TicketDelivery() {}

  /**
   * Delivers {@code event} to its ticket of {@code source}, starting the ticket with {@code settings} if it has no
   * run yet. A completed ticket stays completed: its events throw {@link WorkflowExecutionAlreadyStarted}; a failed
   * run may be replaced. Returns the ticket's workflow id.
   */
  public static String signalWithStart(WorkflowClient client, String source, TicketSettings settings,
      TicketEvent event) {
    String workflowId = TicketIds.workflowId(source, event.ticketId());
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.TICKETS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(ticket::run, TicketWorkflowInput.start(event.ticketId(), settings));
    request.add(ticket::receive, event);
    client.signalWithStart(request);
    return workflowId;
  }
}
