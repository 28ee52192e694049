package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The suggestions Vigil offered on the ticket, numbered S1, S2, …, and the one direct answer that may be pending
 * (sent to the customer at its time unless an analyst replies first). Bounded by {@link TicketBudget#SUGGESTIONS}
 * and {@link TicketBudget#SUGGESTIONS_BYTES}, each text cut at {@link TicketBudget#SUGGESTION_CHARS} with at most
 * {@link TicketBudget#SUGGESTION_CITATIONS} citations; the oldest go first and are counted.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class Suggestions {

  /** A direct answer whose time has come: the suggestion, and the customer turn it answers. */
  record DueAnswer(Suggestion suggestion, String turnId) {}

  /** An answer to review, and when. */
  record PendingReview(String suggestionId, Instant dueAt) {}

  private ArrayList<Suggestion> items = new ArrayList<>();
  /** Null in states carried from runs before reviews existed: their answers are reviewed at closure only. */
  private Duration reviewAfter;
  private ArrayList<PendingReview> reviews = new ArrayList<>();
  private int dropped;
  private int count;
  private String autoSuggestionId;
  private String autoTurnId;
  private Instant autoDueAt;

  /** For Jackson. */
  Suggestions() {}

  /** {@code reviewAfter}: how long after an answer is offered it is reviewed; zero: only at closure. */
  Suggestions(Duration reviewAfter) {
    this.reviewAfter = reviewAfter;
  }

  /** Records a suggestion Vigil offered, numbered S1, S2, … on this ticket, in {@code state}. */
  Suggestion offer(String text, List<String> citations, double confidence, SuggestionState state, Instant now) {
    List<String> cited = citations.size() > TicketBudget.SUGGESTION_CITATIONS
        ? List.copyOf(citations.subList(0, TicketBudget.SUGGESTION_CITATIONS)) : List.copyOf(citations);
    Suggestion suggestion = new Suggestion("S" + (++count), Texts.cap(text, TicketBudget.SUGGESTION_CHARS), cited,
        confidence, state, now, null, null, null);
    items.add(suggestion);
    dropped += Bounded.trim(items, TicketBudget.SUGGESTIONS, TicketBudget.SUGGESTIONS_BYTES, Suggestions::cost);
    if (reviewAfter != null && !reviewAfter.isZero() && !cited.isEmpty()) {
      reviews.add(new PendingReview(suggestion.id(), now.plus(reviewAfter)));
      if (reviews.size() > TicketBudget.SUGGESTIONS) {
        reviews.remove(0);
      }
    }
    return suggestion;
  }

  /** When the next answer review is due, or null when none waits. */
  Instant reviewDueAt() {
    return reviews.stream().map(PendingReview::dueAt).min(Comparator.naturalOrder()).orElse(null);
  }

  /** Takes the reviews due at {@code now} off the schedule: the ids of the answers still on the ticket. */
  List<String> takeDueReviews(Instant now) {
    List<String> due = new ArrayList<>();
    reviews.removeIf(r -> {
      if (r.dueAt().isAfter(now)) {
        return false;
      }
      if (find(r.suggestionId()) != null) {
        due.add(r.suggestionId());
      }
      return true;
    });
    return due;
  }

  /** The suggestion {@code id}, or null when there is none (or it was dropped). */
  Suggestion find(String id) {
    return items.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * Why {@code feedback} of {@code type} (a {@code suggestion.*} event) cannot apply, or null when it can: it needs a
   * known suggestion, a rating to rate, an open suggestion to adopt, edit or dismiss, and a text to edit.
   */
  String problemWith(TicketEventType type, SuggestionFeedback feedback) {
    if (feedback == null || feedback.suggestionId() == null) {
      return type.wireName() + " needs a suggestion id";
    }
    Suggestion suggestion = find(feedback.suggestionId());
    if (suggestion == null) {
      return "no suggestion " + feedback.suggestionId() + " on this ticket";
    }
    if (type == TicketEventType.SUGGESTION_RATED) {
      return feedback.rating() == null ? "rating must be like or dislike" : null;
    }
    if (!suggestion.open()) {
      return "suggestion " + suggestion.id() + " was already " + suggestion.state().wireName();
    }
    if (type == TicketEventType.SUGGESTION_EDITED && (feedback.text() == null || feedback.text().isBlank())) {
      return "an edited suggestion needs its text";
    }
    return null;
  }

  /** Moves suggestion {@code id} to {@code state}, decided by {@code by} at {@code at}; returns it. */
  Suggestion decide(String id, SuggestionState state, String by, Instant at) {
    return replace(find(id).decided(state, by, at));
  }

  Suggestion rate(String id, Rating rating) {
    return replace(find(id).rated(rating));
  }

  /** The suggestion goes to the customer at {@code due} unless an analyst replies to {@code turnId} first. */
  void scheduleAnswer(Suggestion suggestion, String turnId, Instant due) {
    autoSuggestionId = suggestion.id();
    autoTurnId = turnId;
    autoDueAt = due;
  }

  /** When the pending direct answer is due, or null when none is pending. */
  Instant answerDueAt() {
    return autoSuggestionId == null ? null : autoDueAt;
  }

  /**
   * Takes the pending direct answer off the schedule: the suggestion with the turn it answers, or null when an
   * analyst adopted, edited or dismissed it meanwhile (or it was dropped).
   */
  DueAnswer takeDueAnswer() {
    Suggestion suggestion = autoSuggestionId == null ? null : find(autoSuggestionId);
    String turnId = autoTurnId;
    autoSuggestionId = null;
    autoTurnId = null;
    autoDueAt = null;
    return suggestion == null || suggestion.state() != SuggestionState.AUTO_PENDING ? null
        : new DueAnswer(suggestion, turnId);
  }

  List<Suggestion> items() {
    return List.copyOf(items);
  }

  int dropped() {
    return dropped;
  }

  private Suggestion replace(Suggestion updated) {
    items.replaceAll(s -> s.id().equals(updated.id()) ? updated : s);
    return updated;
  }

  private static int cost(Suggestion s) {
    return Texts.cost(260, s.id(), s.text(), s.decidedBy()) + s.citations().stream().mapToInt(Texts::cost).sum();
  }
}
