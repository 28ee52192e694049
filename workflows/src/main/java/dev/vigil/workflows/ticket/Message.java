package dev.vigil.workflows.ticket;

import java.time.Instant;

/**
 * One turn of a ticket's dialogue. {@code at} is when it happened at the source; {@code receivedAt} when the ticket
 * applied it (workflow time: what reminders and progress cadences count from, immune to the source's clock);
 * {@code eventId} what carried it.
 */
public record Message(String id, Role role, String author, String text, Instant at, String eventId,
    Instant receivedAt) {

  /** Prefix of the messages Vigil sent for a suggestion: a direct answer, or an adopted or edited suggestion. */
  static final String SUGGESTION_PREFIX = "vigil-";
  /** Prefix of Vigil's progress updates. */
  static final String PROGRESS_PREFIX = "progress-";

  /**
   * True for the messages Vigil itself sent to the customer through the outbound channel (direct answers, adopted
   * or edited suggestions, progress updates), false for turns that arrived from the ticketing system.
   */
  public boolean sentByVigil() {
    return sentByVigil(id);
  }

  /** Whether a message id is one of Vigil's own messages (see {@link #sentByVigil()}). */
  public static boolean sentByVigil(String id) {
    return id != null && (id.startsWith(SUGGESTION_PREFIX) || id.startsWith(PROGRESS_PREFIX));
  }
}
