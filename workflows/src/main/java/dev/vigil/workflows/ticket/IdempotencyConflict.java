package dev.vigil.workflows.ticket;

/**
 * An analyst's action refused because its event id — the caller's idempotency key — was already used for a different
 * action on the ticket: applying it would silently drop it, answering as if it had been applied would lie.
 */
public class IdempotencyConflict extends IllegalStateException {
  public IdempotencyConflict(String message) {
    super(message);
  }
}
