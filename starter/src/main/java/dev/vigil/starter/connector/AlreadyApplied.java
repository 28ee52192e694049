package dev.vigil.starter.connector;

import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketStatus;

/**
 * Whether a change a system's webhook reports is one Vigil's ticket already has: a resolution of a resolved ticket,
 * the priority it has, an assignment to the agent the ticket's analyst is mapped to (or already has). That is how
 * the echo of Vigil's own write looks to a process that did not write it (the intake and the worker in separate
 * processes do not share the {@link dev.vigil.activities.connector.StateWrites} ledger), and applying it would change
 * nothing but replace the analyst by the system's user id.
 */
final class AlreadyApplied {
  private AlreadyApplied() {}

  /** True when applying {@code event} to {@code ticket} (null: unknown to Vigil) would change nothing. */
  static boolean changesNothing(TicketEvent event, KnownTicket ticket, WriteBack writeBack) {
    if (ticket == null) {
      return false;
    }
    return switch (event.type()) {
      case RESOLVED -> ticket.status() == TicketStatus.RESOLVED;
      case CLOSED -> ticket.status() == TicketStatus.CLOSED;
      case PRIORITY_CHANGED -> event.ticket() != null && event.ticket().priority() != null
          && event.ticket().priority() == ticket.priority();
      case ASSIGNED -> event.analyst() != null && ticket.assigneeId() != null
          && (event.analyst().id().equals(ticket.assigneeId())
              || writeBack.isUserOf(ticket.assigneeId(), event.analyst().id()));
      default -> false;
    };
  }
}
