package dev.vigil.activities.connector;

import dev.vigil.workflows.notify.OutboundKind;
import java.util.Set;

/** One ticketing system's REST API, as far as Vigil writes to it. */
public interface TicketApi {

  /** The source these tickets belong to ({@code zendesk}, …). */
  String source();

  /** False for systems without staff-only comments (GitHub): support-facing messages go elsewhere. */
  boolean supportsInternalNotes();

  /**
   * Posts a comment on the ticket: a public reply the customer sees, or an internal note for the staff. The same
   * {@code idempotencyKey} is sent on every attempt of the same message. Throws as {@link VendorHttp} says: retryable
   * for 429, 5xx and network errors, non-retryable for other 4xx.
   */
  PostedComment postComment(String ticketId, String text, boolean isPublic, String idempotencyKey);

  /** The comment the system created, and the HTTP status it answered with. */
  record PostedComment(String commentId, int httpStatus) {}

  /**
   * Writes a change an analyst made in Vigil to the ticket: {@code kind} {@code RESOLVED}, {@code CLOSED},
   * {@code ASSIGNED} ({@code value}: the analyst's id) or {@code PRIORITY_CHANGED} ({@code value}: {@code P1}…).
   * Before it changes anything it tells {@code echoes} what the system's webhook will report for it. Repeating it
   * leaves the ticket as one call would (a retry after a lost answer changes nothing more). Throws
   * {@link ChangeNotWritable} when the change has no counterpart in the system as configured, and fails as
   * {@link VendorHttp} says otherwise.
   */
  ChangeWritten writeChange(String ticketId, OutboundKind kind, String value, String idempotencyKey, Echoes echoes);

  /** What the system answered to a change: its HTTP status and what was written. */
  record ChangeWritten(int httpStatus, String detail) {}

  /** Learns what a system's webhook will report for Vigil's own change, before the change is made. */
  @FunctionalInterface
  interface Echoes {
    void expect(StateField field, Set<String> values);
  }
}
