package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.CaseSummary;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One long-running workflow per support ticket, from its first event until it has been closed for a while. */
@WorkflowInterface
public interface TicketWorkflow {

  /** Runs the ticket; returns its final view once it has been closed for the configured retention. */
  @WorkflowMethod
  TicketView run(TicketWorkflowInput input);

  /** An event from the ticketing system (webhook). Never rejected: events that do not apply are logged as such. */
  @SignalMethod
  void receive(TicketEvent event);

  /** An analyst's action through Vigil's API; answers with what it changed and the ticket's version after it. */
  @UpdateMethod
  ActionResult act(TicketEvent event);

  /** Rejects actions that cannot apply in the ticket's current state, before they enter history. */
  @UpdateValidatorMethod(updateName = "act")
  void validateAct(TicketEvent event);

  /** Summarises the ticket (overview, decisions, open items with owners) from what it records; a pure read. */
  @QueryMethod
  CaseSummary summarize();

  /** The ticket as the workflow knows it now. */
  @QueryMethod
  TicketView view();
}
