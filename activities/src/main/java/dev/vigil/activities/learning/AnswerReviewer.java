package dev.vigil.activities.learning;

import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.ReviewVerdict;
import dev.vigil.workflows.learning.VigilAnswer;
import dev.vigil.workflows.ticket.Rating;
import dev.vigil.workflows.ticket.SuggestionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review step: each answer Vigil offered on the ticket, judged by what the analysts did with it and by how the
 * humans actually resolved the case. Adopted or sent answers are kept (their entries gain support); edited ones
 * are modified (the analyst's text becomes the corrected answer); dismissed or disliked answers that the resolution
 * contradicts are deleted (their entries retired); answers nobody acted on are kept only when the resolution agrees.
 */
public final class AnswerReviewer {
  private final Embedder embedder;
  private final LearningSettings settings;

  public AnswerReviewer(Embedder embedder, LearningSettings settings) {
    this.embedder = embedder;
    this.settings = settings;
  }

  public List<ReviewVerdict> review(LearningCase c) {
    String outcome = humanOutcome(c);
    float[] outcomeVector = outcome == null ? null : embedder.embed(outcome);
    List<ReviewVerdict> verdicts = new ArrayList<>();
    for (VigilAnswer a : c.vigilAnswers()) {
      if (a.citations().isEmpty() || a.text() == null) {
        continue;
      }
      String key = c.key() + "#review:" + a.suggestionId();
      boolean disliked = a.rating() == Rating.DISLIKE;
      boolean liked = a.rating() == Rating.LIKE;
      Double agreement = outcomeVector == null ? null : Embedder.cosine(embedder.embed(a.text()), outcomeVector);
      String versus = agreement == null ? "no human resolution to compare with"
          : String.format(Locale.ROOT, "cosine %.2f to the human resolution", agreement);
      SuggestionState state = a.state();
      if (state == SuggestionState.EDITED && a.editedText() != null && !disliked) {
        verdicts.add(new ReviewVerdict(key, a.suggestionId(), a.citations(), ReviewVerdict.MODIFY, a.editedText(),
            "edited", "the analyst corrected " + a.suggestionId() + " before sending it"));
      } else if ((state == SuggestionState.ADOPTED || state == SuggestionState.ANSWERED
          || state == SuggestionState.EDITED) && !disliked) {
        String feedback = liked ? "liked" : state == SuggestionState.ANSWERED ? "answered" : "adopted";
        verdicts.add(new ReviewVerdict(key, a.suggestionId(), a.citations(), ReviewVerdict.KEEP, null, feedback,
            a.suggestionId() + " was " + (state == SuggestionState.ANSWERED ? "sent to the customer" : "adopted")
                + (liked ? " and liked" : "") + " and the ticket was resolved (" + versus + ")"));
      } else if (state == SuggestionState.DISMISSED || disliked) {
        String signal = disliked ? "disliked" : "dismissed";
        if (agreement != null && agreement < settings.disagreementCosine()) {
          verdicts.add(new ReviewVerdict(key, a.suggestionId(), a.citations(), ReviewVerdict.DELETE, null, signal,
              a.suggestionId() + " was " + signal + " and the resolution says otherwise (" + versus + ")"));
        } else {
          verdicts.add(new ReviewVerdict(key, a.suggestionId(), a.citations(), ReviewVerdict.KEEP, null, signal,
              a.suggestionId() + " was " + signal + " but the resolution does not contradict it (" + versus
                  + "): counted, not retired"));
        }
      } else if (agreement != null && agreement >= settings.agreementCosine()) {
        verdicts.add(new ReviewVerdict(key, a.suggestionId(), a.citations(), ReviewVerdict.KEEP, null, "matched",
            a.suggestionId() + " was not acted on but the human resolution agrees with it (" + versus + ")"));
      }
    }
    return verdicts;
  }

  /** What the humans resolved the case with: the resolution note, else the last analyst turn they wrote. */
  private static String humanOutcome(LearningCase c) {
    if (c.resolutionNote() != null && !c.resolutionNote().isBlank()) {
      return c.resolutionNote();
    }
    for (int i = c.turns().size() - 1; i >= 0; i--) {
      CaseTurn t = c.turns().get(i);
      if (t.fromAnalyst() && t.text() != null && (t.messageId() == null || !t.messageId().startsWith("vigil-"))) {
        return t.text();
      }
    }
    return null;
  }
}
