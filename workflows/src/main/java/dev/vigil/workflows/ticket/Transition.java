package dev.vigil.workflows.ticket;

/**
 * The result of applying an event to a ticket's status: either the status it moves to (possibly the same one), or a
 * rejection with the reason the event cannot apply in the current status.
 */
public record Transition(TicketStatus from, TicketStatus to, String rejection) {

  static Transition move(TicketStatus from, TicketStatus to) {
    return new Transition(from, to, null);
  }

  static Transition stay(TicketStatus status) {
    return new Transition(status, status, null);
  }

  static Transition reject(TicketStatus status, String reason) {
    return new Transition(status, status, reason);
  }

  public boolean rejected() {
    return rejection != null;
  }

  public boolean changesStatus() {
    return !rejected() && from != to;
  }
}
