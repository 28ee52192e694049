package dev.vigil.workflows.ticket;

import java.time.Instant;
import java.util.List;

/**
 * An answer Vigil offered on a ticket, with the knowledge entries it cites and what became of it.
 *
 * @param rating the analyst's rating, or null
 * @param decidedBy who adopted, edited or dismissed it
 */
public record Suggestion(
    String id,
    String text,
    List<String> citations,
    double confidence,
    SuggestionState state,
    Instant offeredAt,
    Rating rating,
    String decidedBy,
    Instant decidedAt) {

  /** Whether an analyst may still adopt, edit or dismiss it. */
  public boolean open() {
    return state.open();
  }

  Suggestion decided(SuggestionState newState, String by, Instant at) {
    return new Suggestion(id, text, citations, confidence, newState, offeredAt, rating, by, at);
  }

  Suggestion rated(Rating newRating) {
    return new Suggestion(id, text, citations, confidence, state, offeredAt, newRating, decidedBy, decidedAt);
  }
}
