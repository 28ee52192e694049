package dev.vigil.starter.runs;

import java.time.Instant;
import java.util.List;

/**
 * Finds, stops and removes Vigil's workflow runs, for erasure and retention. Two implementations: visibility queries
 * and {@code DeleteWorkflowExecution} on a Temporal cluster; the legacy lists and a ledger of forgotten runs on the
 * in-process dev server, which cannot delete.
 */
public interface WorkflowRuns {
  String TICKET_WORKFLOW = "TicketWorkflow";
  String LEARNING_WORKFLOW = "LearningWorkflow";

  /** Ticket workflows whose {@code VigilTenant} and {@code VigilCustomer} are these (null tenant: none set). */
  List<String> ticketsOf(String tenant, String customerKey);

  /** Ticket workflows whose latest run ended (completed, terminated, failed, timed out) before {@code cutoff}. */
  List<String> ticketsClosedBefore(Instant cutoff);

  /** The learning workflows started for a ticket workflow (one per closing). */
  List<String> learningOf(String ticketWorkflowId);

  /** Terminates the workflow's running run, if it has one. */
  void terminate(String workflowId, String reason);

  /**
   * Removes every run of the workflow: deleted on a cluster; on the dev server terminated and forgotten, so Vigil
   * answers for it as for a ticket that never existed. Answers how many runs were removed.
   */
  int remove(String workflowId);

  /** Whether the workflow's latest run was removed (only the dev server's forgotten runs are still there to ask). */
  boolean removed(String workflowId);

  /** {@code cluster} or {@code dev-server}, for the audit line. */
  String mechanism();
}
