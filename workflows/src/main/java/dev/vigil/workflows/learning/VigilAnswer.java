package dev.vigil.workflows.learning;

import dev.vigil.workflows.ticket.Rating;
import dev.vigil.workflows.ticket.SuggestionState;
import java.util.List;

/**
 * An answer Vigil offered on the ticket (redacted), the entries it cited and its fate: the suggestion's final state,
 * the analyst's rating, and the text the analyst sent instead when they edited it.
 */
public record VigilAnswer(String suggestionId, String text, List<String> citations, SuggestionState state,
    Rating rating, String editedText) {

  public VigilAnswer {
    citations = citations == null ? List.of() : List.copyOf(citations);
  }
}
