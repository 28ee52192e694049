package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.testing.TicketEvents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketStateTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final TicketEvents events = new TicketEvents("T-7");
  private final TicketSettings settings = TicketSettings.defaults();

  @Test
  void givenRepeatedEventId_itAppliesOnce() {
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    TicketEvent hello = events.customerSays("m1", "Is the API down?");
    assertThat(state.apply(hello, NOW, settings).duplicate()).isFalse();
    assertThat(state.apply(hello, NOW, settings).duplicate()).isTrue();
    assertThat(state.view().messages()).hasSize(1);
    assertThat(state.view().duplicateEventsIgnored()).isEqualTo(1);
  }

  @Test
  void givenSameMessageUnderNewEventId_itIsNotAddedTwice() {
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    TicketEvent hello = events.customerSays("m1", "Is the API down?");
    state.apply(hello, NOW, settings);
    state.apply(TicketEvents.withId(hello, "resent"), NOW, settings);
    assertThat(state.view().messages()).extracting(Message::id).containsExactly("m1");
  }

  @Test
  void rememberedEventIdsAreBounded_oldestForgottenFirst() {
    TicketSettings small = new TicketSettings(3, 500, 1000, 4000, Duration.ZERO, null);
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    TicketEvent first = events.customerSays("m0", "first");
    state.apply(first, NOW, small);
    for (int i = 1; i <= 3; i++) {
      state.apply(events.customerSays("m" + i, "more " + i), NOW, small);
    }
    // the first id fell out of the window: applying it again is not recognised as a duplicate event...
    assertThat(state.apply(first, NOW, small).duplicate()).isFalse();
    // ...but its message id still protects the dialogue
    assertThat(state.view().messages()).hasSize(4);
  }

  @Test
  void rejectedEventIsLoggedAsDecision_andChangesNothingElse() {
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    state.apply(events.created("Disk full", Priority.P2), NOW, settings);
    state.apply(events.of(TicketEventType.CLOSED), NOW, settings);
    state.apply(events.assigned("a1", "Bob"), NOW, settings);
    TicketView view = state.view();
    assertThat(view.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(view.assignee()).isNull();
    assertThat(view.eventsRejected()).isEqualTo(1);
    assertThat(view.decisions()).last().satisfies(d -> {
      assertThat(d.action()).isEqualTo("ignored ticket.assigned");
      assertThat(d.reason()).contains("closed");
    });
  }

  @Test
  void eventForAnotherTicketIsRejected() {
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    TicketEvent foreign = new TicketEvents("T-8").customerSays("m1", "hi");
    assertThat(state.rejectionOf(foreign)).contains("T-8");
    state.apply(foreign, NOW, settings);
    assertThat(state.view().messages()).isEmpty();
  }

  @Test
  void decisionLogIsBounded_andCountsWhatItDropped() {
    TicketSettings small = new TicketSettings(100, 2, 1000, 4000, Duration.ZERO, null);
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    for (int i = 0; i < 5; i++) {
      state.decide(NOW, "a" + i, "r", small);
    }
    assertThat(state.view().decisions()).extracting(Decision::action).containsExactly("a3", "a4");
    assertThat(state.view().decisionsDropped()).isEqualTo(3);
  }

  @Test
  void priorityChangeIsOnTheTimeline() {
    TicketState state = TicketState.open("ticket:desk:T-7", "T-7", NOW);
    state.apply(events.created("Disk full", Priority.P3), NOW, settings);
    state.apply(events.priority(Priority.P1), NOW, settings);
    assertThat(state.view().priority()).isEqualTo(Priority.P1);
    assertThat(state.view().timeline()).extracting(TimelineEntry::detail).contains("P3 → P1");
  }
}
