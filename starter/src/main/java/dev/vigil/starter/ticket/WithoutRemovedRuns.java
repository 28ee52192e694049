package dev.vigil.starter.ticket;

import dev.vigil.starter.runs.WorkflowRuns;
import java.util.List;

/**
 * Leaves out tickets whose runs were removed (erased, or past retention) but which the dev server, unable to delete,
 * still lists. On a cluster removed runs are deleted and never listed, and this costs nothing.
 */
public final class WithoutRemovedRuns implements TicketDirectory {
  private final TicketDirectory tickets;
  private final WorkflowRuns runs;

  public WithoutRemovedRuns(TicketDirectory tickets, WorkflowRuns runs) {
    this.tickets = tickets;
    this.runs = runs;
  }

  @Override
  public List<TicketSummary> list(TicketFilter filter) {
    return tickets.list(filter).stream().filter(t -> !runs.removed(t.workflowId())).toList();
  }

  @Override
  public String mechanism() {
    return tickets.mechanism();
  }
}
