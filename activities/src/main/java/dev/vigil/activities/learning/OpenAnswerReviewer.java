package dev.vigil.activities.learning;

import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.ReviewVerdict;
import dev.vigil.workflows.learning.VigilAnswer;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Rating;
import dev.vigil.workflows.ticket.SuggestionState;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judges one of Vigil's answers while its ticket is open, from the turns since it was offered. Only clear evidence
 * decides — an answer the analyst dismissed (or disliked) and then answered otherwise, an answer the customer got and
 * said did not help while the analyst answered otherwise, an answer the customer confirmed — because a verdict now
 * retires or supports an entry for every ticket. Anything less is left to the review at closure, which sees the
 * whole case and its resolution.
 */
public final class OpenAnswerReviewer {
  /** The customer says the answer did not solve it. */
  private static final Pattern DID_NOT_HELP = Pattern.compile("(?i)\\b("
      + "did ?n[o']?t (really )?(work|help|fix|solve)|does ?n[o']?t (work|help|fix)|do ?n[o']?t work"
      + "|not (working|fixed|resolved|solved|helping)|no (luck|change|difference)|nothing changed"
      + "|still (fail\\w*|broken|the same|happen\\w*|getting|seeing|get|see|have|having|down|crash\\w*|time\\w* out)"
      + "|same (error|problem|issue|result|thing)|(tried|did) (that|this|it|those steps)\\b[^.!?]{0,40}\\b(but|still|no)"
      + "|(is|was) (wrong|incorrect|not (it|relevant|applicable)))");
  /** The customer says it worked. */
  private static final Pattern HELPED = Pattern.compile("(?i)("
      + "\\b(that|it|this|your (answer|suggestion|fix))( (has|did|really))? (work(ed|s)|fix(ed|es)|solv(ed|es)"
      + "|help(ed|s)|did the trick)\\b|\\bworks now\\b|\\bworking now\\b|\\ball good now\\b"
      + "|\\b(problem|issue) (is )?(solved|resolved|fixed|gone)\\b)");
  /** An analyst turn shorter than this is an acknowledgement, not an answer. */
  private static final int ANSWER_WORDS = 6;

  private final Embedder embedder;
  private final LearningSettings settings;

  public OpenAnswerReviewer(Embedder embedder, LearningSettings settings) {
    this.embedder = embedder;
    this.settings = settings;
  }

  /** The verdict on answer {@code suggestionId} of {@code c} (whose turns are those since it was offered). */
  public Judgement judge(LearningCase c, String suggestionId) {
    VigilAnswer answer = c.vigilAnswers().stream().filter(a -> a.suggestionId().equals(suggestionId)).findFirst()
        .orElse(null);
    if (answer == null || answer.citations().isEmpty() || answer.text() == null) {
      return Judgement.undecided(suggestionId + " cites no knowledge (or is no longer on the ticket)");
    }
    String key = ReviewVerdict.earlyKey(c.ticketWorkflowId(), suggestionId);
    String humanAnswer = lastAnalystAnswer(c.turns());
    Double agreement = humanAnswer == null ? null
        : Embedder.cosine(embedder.embed(answer.text()), embedder.embed(humanAnswer));
    boolean contradicted = agreement != null && agreement < settings.disagreementCosine();
    String versus = agreement == null ? "no analyst answer since"
        : String.format(Locale.ROOT, "cosine %.2f to the analyst's answer since", agreement);
    boolean dismissed = answer.state() == SuggestionState.DISMISSED || answer.rating() == Rating.DISLIKE;
    if (dismissed) {
      String signal = answer.rating() == Rating.DISLIKE ? "disliked" : "dismissed";
      if (contradicted) {
        return Judgement.of(new ReviewVerdict(key, suggestionId, answer.citations(), ReviewVerdict.DELETE, null,
            signal, suggestionId + " was " + signal + " and the analyst answered otherwise (" + versus + ")"));
      }
      return Judgement.undecided(suggestionId + " was " + signal + "; nothing since contradicts it (" + versus
          + "): left to the review at closure");
    }
    if (!answer.state().sent()) {
      return Judgement.undecided(suggestionId + " was not acted on yet: left to the review at closure");
    }
    List<String> customer = c.turns().stream().filter(CaseTurn::fromCustomer).map(CaseTurn::text).toList();
    if (customer.stream().anyMatch(t -> t != null && DID_NOT_HELP.matcher(t).find())) {
      if (contradicted) {
        return Judgement.of(new ReviewVerdict(key, suggestionId, answer.citations(), ReviewVerdict.DELETE, null,
            "failed", "the customer said " + suggestionId + " did not help and the analyst answered otherwise ("
                + versus + ")"));
      }
      return Judgement.undecided("the customer said " + suggestionId + " did not help (" + versus
          + "): left to the review at closure");
    }
    if (customer.stream().anyMatch(t -> t != null && HELPED.matcher(t).find())) {
      String feedback = answer.state() == SuggestionState.ANSWERED ? "answered" : "adopted";
      return Judgement.of(new ReviewVerdict(key, suggestionId, answer.citations(), ReviewVerdict.KEEP, null,
          feedback, "the customer confirmed " + suggestionId + " helped"));
    }
    return Judgement.undecided("the conversation since " + suggestionId + " does not tell yet whether it helped");
  }

  /** The last substantive turn an analyst wrote (not one Vigil sent for them). */
  private static String lastAnalystAnswer(List<CaseTurn> turns) {
    for (int i = turns.size() - 1; i >= 0; i--) {
      CaseTurn t = turns.get(i);
      if (t.fromAnalyst() && !Message.sentByVigil(t.messageId()) && t.text() != null && t.text().strip().split("\\s+").length >= ANSWER_WORDS) {
        return t.text();
      }
    }
    return null;
  }

  /** A verdict to apply, or none with the reason. */
  public record Judgement(ReviewVerdict verdict, String reason) {
    static Judgement of(ReviewVerdict verdict) {
      return new Judgement(verdict, verdict.reason());
    }

    static Judgement undecided(String reason) {
      return new Judgement(null, reason);
    }
  }
}
