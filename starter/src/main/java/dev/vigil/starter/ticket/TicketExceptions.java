package dev.vigil.starter.ticket;

/** Failures of ticket operations that callers translate into HTTP answers. */
public final class TicketExceptions {
  private TicketExceptions() {}

  /** No workflow exists for the ticket. */
  public static class TicketNotFound extends RuntimeException {
    public TicketNotFound(String ticketId) {
      super("ticket " + ticketId + " not found");
    }
  }

  /** The ticket's workflow has completed (closed and past its retention); it takes no more events. */
  public static class TicketArchived extends RuntimeException {
    public TicketArchived(String ticketId) {
      super("ticket " + ticketId + " is archived: it was closed and its retention ended, so it takes no more events");
    }
  }

  /** The ticket refused an analyst action in its current state. */
  public static class ActionRejected extends RuntimeException {
    public ActionRejected(String reason) {
      super(reason);
    }
  }

  /** The action's idempotency key was already used for a different action on the ticket. Nothing was applied. */
  public static class IdempotencyKeyConflict extends RuntimeException {
    public IdempotencyKeyConflict(String reason) {
      super(reason);
    }
  }

  /** Temporal did not answer in time; the caller should retry. Nothing was applied. */
  public static class TemporalUnavailable extends RuntimeException {
    public TemporalUnavailable(Throwable cause) {
      super("Temporal is unavailable; nothing was applied, retry later", cause);
    }
  }
}
