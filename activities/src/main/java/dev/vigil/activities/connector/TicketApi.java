package dev.vigil.activities.connector;

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
}
