package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.testing.TicketEvents;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The aggregate: events applied over the components, with the settings given once when the ticket opens. */
class TicketStateTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final TicketEvents events = new TicketEvents("T-7");

  private static TicketState open(TicketSettings settings) {
    return TicketState.open("ticket:desk:T-7", "T-7", NOW, settings);
  }

  @Test
  void givenRepeatedEventId_itAppliesOnce() {
    TicketState state = open(TicketSettings.defaults());
    TicketEvent hello = events.customerSays("m1", "Is the API down?");
    assertThat(state.apply(hello, NOW).duplicate()).isFalse();
    assertThat(state.apply(hello, NOW).duplicate()).isTrue();
    assertThat(state.view().messages()).hasSize(1);
    assertThat(state.view().duplicateEventsIgnored()).isEqualTo(1);
  }

  @Test
  void givenSameMessageUnderNewEventId_itIsNotAddedTwice() {
    TicketState state = open(TicketSettings.defaults());
    TicketEvent hello = events.customerSays("m1", "Is the API down?");
    state.apply(hello, NOW);
    state.apply(TicketEvents.withId(hello, "resent"), NOW);
    assertThat(state.view().messages()).extracting(Message::id).containsExactly("m1");
  }

  @Test
  void rememberedEventIdsAreBoundedBySettingsGivenAtOpen_oldestForgottenFirst() {
    TicketState state = open(new TicketSettings(3, 500, 1000, 4000, Duration.ZERO, null));
    TicketEvent first = events.customerSays("m0", "first");
    state.apply(first, NOW);
    for (int i = 1; i <= 3; i++) {
      state.apply(events.customerSays("m" + i, "more " + i), NOW);
    }
    // the first id fell out of the window: applying it again is not recognised as a duplicate event...
    assertThat(state.apply(first, NOW).duplicate()).isFalse();
    // ...but its message id still protects the dialogue
    assertThat(state.view().messages()).hasSize(4);
  }

  @Test
  void rejectedEventIsLoggedAsDecision_andChangesNothingElse() {
    TicketState state = open(TicketSettings.defaults());
    state.apply(events.created("Disk full", Priority.P2), NOW);
    state.apply(events.of(TicketEventType.CLOSED), NOW);
    state.apply(events.assigned("a1", "Bob"), NOW);
    TicketView view = state.view();
    assertThat(view.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(view.assignee()).isNull();
    assertThat(view.eventsRejected()).isEqualTo(1);
    assertThat(view.decisions()).last().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DecisionKind.EVENT_IGNORED);
      assertThat(d.action()).isEqualTo("ignored ticket.assigned");
      assertThat(d.reason()).contains("closed");
    });
  }

  @Test
  void eventForAnotherTicketIsRejected() {
    TicketState state = open(TicketSettings.defaults());
    TicketEvent foreign = new TicketEvents("T-8").customerSays("m1", "hi");
    assertThat(state.rejectionOf(foreign)).contains("T-8");
    state.apply(foreign, NOW);
    assertThat(state.view().messages()).isEmpty();
  }

  @Test
  void decisionLogIsBoundedBySettingsGivenAtOpen_andCountsWhatItDropped() {
    TicketState state = open(new TicketSettings(100, 2, 1000, 4000, Duration.ZERO, null));
    for (int i = 0; i < 5; i++) {
      state.decide(NOW, DecisionKind.SILENT, "a" + i, "r");
    }
    assertThat(state.view().decisions()).extracting(Decision::action).containsExactly("a3", "a4");
    assertThat(state.view().decisionsDropped()).isEqualTo(3);
  }

  @Test
  void priorityChangeIsOnTheTimeline() {
    TicketState state = open(TicketSettings.defaults());
    state.apply(events.created("Disk full", Priority.P3), NOW);
    state.apply(events.priority(Priority.P1), NOW);
    assertThat(state.view().priority()).isEqualTo(Priority.P1);
    assertThat(state.view().timeline()).filteredOn(t -> t.kind() == TimelineKind.PRIORITY)
        .extracting(TimelineEntry::detail).containsExactly("P3 → P1");
  }

  @Test
  void aProgressUpdateIsOnTheTimeline_withWhenItWasDue() {
    TicketState state = open(TicketSettings.defaults());
    state.apply(events.created("Disk full", Priority.P1), NOW);
    state.refreshCheckIn();
    Instant due = state.nextCheckInAt();
    assertThat(due).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    Instant sent = due.plusMillis(250);
    Message update = state.sendProgressUpdate(sent);
    assertThat(update.id()).isEqualTo("progress-1");
    assertThat(state.view().timeline()).filteredOn(t -> t.kind() == TimelineKind.PROGRESS_UPDATE).singleElement()
        .satisfies(t -> {
          assertThat(t.at()).isEqualTo(sent);
          assertThat(t.progressDueAt()).isEqualTo(due);
        });
    assertThat(state.nextCheckInAt()).isEqualTo(sent.plus(Duration.ofMinutes(30)));
    assertThat(state.view().decisions()).last().extracting(Decision::kind).isEqualTo(DecisionKind.PROGRESS_UPDATE);
  }

  @Test
  void anUnansweredTurnRemindsThenEscalates_withTheTimesGivenAtOpen() {
    TicketState state = open(new TicketSettings(100, 100, 100, 4000, Duration.ZERO, null, null, null,
        Duration.ofMinutes(5), Duration.ofMinutes(20)));
    state.apply(events.created("Disk full", Priority.P2), NOW);
    state.apply(events.customerSays("m1", "Anyone?"), NOW);
    assertThat(state.reminderDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(state.remind(NOW.plus(Duration.ofMinutes(5)))).isEqualTo(OutboundKind.REMINDER);
    assertThat(state.reminderDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    assertThat(state.remind(NOW.plus(Duration.ofMinutes(20)))).isEqualTo(OutboundKind.ESCALATION);
    assertThat(state.reminderDueAt()).isNull();
    state.apply(events.analystSays("m2", "Looking"), NOW.plus(Duration.ofMinutes(21)));
    state.apply(events.customerSays("m3", "Thanks, and?"), NOW.plus(Duration.ofMinutes(22)));
    assertThat(state.reminderDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(27)));
  }

  @Test
  void theCarriedStateKeepsItsSettingsAcrossTheTripThroughTemporalsConverter() {
    TicketState state = open(new TicketSettings(100, 2, 1000, 4000, Duration.ZERO, Duration.ofSeconds(3)));
    state.apply(events.created("Disk full", Priority.P2), NOW);
    TicketEvent question = events.customerSays("m1", "Disk is full, what now?");
    state.queueForAssistant(state.apply(question, NOW).customerTurn(), NOW);
    var converter = DefaultDataConverter.STANDARD_INSTANCE;
    TicketState back = converter.fromPayload(converter.toPayload(state).orElseThrow(), TicketState.class,
        TicketState.class);
    assertThat(back.view()).isEqualTo(state.view());
    assertThat(back.assistDueAt()).isEqualTo(NOW.plusSeconds(3));
    for (int i = 0; i < 5; i++) {
      back.decide(NOW, DecisionKind.SILENT, "a" + i, "r");
    }
    assertThat(back.view().decisions()).hasSize(2);
    assertThat(back.apply(question, NOW).duplicate()).isTrue();
  }
}
