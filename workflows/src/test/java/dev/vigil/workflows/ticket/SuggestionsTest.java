package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  @Test
  void numberedOnTheTicket_boundedNewestKept_textsAndCitationsCapped() {
    Suggestions suggestions = new Suggestions();
    List<String> citations = IntStream.range(0, 40).mapToObj(i -> "kb-" + i).toList();
    for (int i = 0; i < 30; i++) {
      suggestions.offer("界".repeat(TicketBudget.SUGGESTION_CHARS * 2), citations, 0.9, SuggestionState.OFFERED, T0);
    }
    assertThat(suggestions.items()).last().extracting(Suggestion::id).isEqualTo("S30");
    assertThat(suggestions.items().size()).isLessThanOrEqualTo(TicketBudget.SUGGESTIONS);
    assertThat(suggestions.items().size() + suggestions.dropped()).isEqualTo(30);
    assertThat(suggestions.items()).allSatisfy(s -> {
      assertThat(s.text()).hasSizeLessThanOrEqualTo(TicketBudget.SUGGESTION_CHARS);
      assertThat(s.citations()).hasSize(TicketBudget.SUGGESTION_CITATIONS);
    });
    assertThat(suggestions.find("S1")).isNull();
  }

  @Test
  void feedbackNeedsAKnownOpenSuggestion_aRating_andAnEditedText() {
    Suggestions suggestions = new Suggestions();
    suggestions.offer("Reset it.", List.of("kb-1"), 0.8, SuggestionState.OFFERED, T0);
    assertThat(suggestions.problemWith(TicketEventType.SUGGESTION_ADOPTED, null)).contains("needs a suggestion id");
    assertThat(suggestions.problemWith(TicketEventType.SUGGESTION_ADOPTED,
        new SuggestionFeedback("S9", null, null, null))).isEqualTo("no suggestion S9 on this ticket");
    assertThat(suggestions.problemWith(TicketEventType.SUGGESTION_RATED,
        new SuggestionFeedback("S1", null, null, null))).isEqualTo("rating must be like or dislike");
    assertThat(suggestions.problemWith(TicketEventType.SUGGESTION_EDITED,
        new SuggestionFeedback("S1", " ", null, null))).isEqualTo("an edited suggestion needs its text");
    assertThat(suggestions.decide("S1", SuggestionState.ADOPTED, "alice", T0).decidedBy()).isEqualTo("alice");
    assertThat(suggestions.problemWith(TicketEventType.SUGGESTION_DISMISSED,
        new SuggestionFeedback("S1", null, null, null))).isEqualTo("suggestion S1 was already adopted");
    assertThat(suggestions.problemWith(TicketEventType.SUGGESTION_RATED,
        new SuggestionFeedback("S1", null, Rating.LIKE, null))).isNull();
    assertThat(suggestions.rate("S1", Rating.LIKE).rating()).isEqualTo(Rating.LIKE);
  }

  @Test
  void aPendingDirectAnswerIsTakenOnce_andNotAfterAnAnalystDecided() {
    Suggestions suggestions = new Suggestions();
    Suggestion auto = suggestions.offer("Reset it.", List.of(), 0.9, SuggestionState.AUTO_PENDING, T0);
    suggestions.scheduleAnswer(auto, "m1", T0.plusSeconds(300));
    assertThat(suggestions.answerDueAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(suggestions.takeDueAnswer()).isEqualTo(new Suggestions.DueAnswer(auto, "m1"));
    assertThat(suggestions.answerDueAt()).isNull();
    assertThat(suggestions.takeDueAnswer()).isNull();

    Suggestion second = suggestions.offer("Or this.", List.of(), 0.9, SuggestionState.AUTO_PENDING, T0);
    suggestions.scheduleAnswer(second, "m2", T0.plusSeconds(300));
    suggestions.decide(second.id(), SuggestionState.DISMISSED, "bob", T0);
    assertThat(suggestions.takeDueAnswer()).isNull();
  }
}
