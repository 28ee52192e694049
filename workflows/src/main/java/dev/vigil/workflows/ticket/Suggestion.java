package dev.vigil.workflows.ticket;

import java.time.Instant;
import java.util.List;

/**
 * An answer Vigil offered on a ticket, with the knowledge entries it cites and what became of it.
 *
 * @param state {@code offered}; {@code adopted}, {@code edited}, {@code dismissed} by an analyst; {@code auto_pending}
 *     (to be sent to the customer unless an analyst replies first), {@code answered} (sent by Vigil) or
 *     {@code cancelled}
 * @param rating {@code like}, {@code dislike} or null
 * @param decidedBy who adopted, edited or dismissed it
 */
public record Suggestion(
    String id,
    String text,
    List<String> citations,
    double confidence,
    String state,
    Instant offeredAt,
    String rating,
    String decidedBy,
    Instant decidedAt) {

  public static final String OFFERED = "offered";
  public static final String ADOPTED = "adopted";
  public static final String EDITED = "edited";
  public static final String DISMISSED = "dismissed";
  public static final String AUTO_PENDING = "auto_pending";
  public static final String ANSWERED = "answered";
  public static final String CANCELLED = "cancelled";

  /** Whether an analyst may still adopt, edit or dismiss it. */
  public boolean open() {
    return OFFERED.equals(state) || AUTO_PENDING.equals(state);
  }

  Suggestion decided(String newState, String by, Instant at) {
    return new Suggestion(id, text, citations, confidence, newState, offeredAt, rating, by, at);
  }

  Suggestion rated(String newRating) {
    return new Suggestion(id, text, citations, confidence, state, offeredAt, newRating, decidedBy, decidedAt);
  }
}
