package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.testing.TicketEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventMemoryTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private final TicketEvents events = new TicketEvents("T-1");

  private static EventMemory memory(int capacity) {
    return new EventMemory(capacity, TicketStatus.NEW, TicketFacts.onlyId("T-1"), null);
  }

  private static TicketEvent at(TicketEvent e, Instant at) {
    return new TicketEvent(e.eventId(), e.type(), at, e.ticket(), e.message(), e.analyst(), e.resolutionNote(),
        e.actor(), e.feedback());
  }

  @Test
  void remembersTheLastIds_andRefusesAKeyReusedForAnotherAction() {
    EventMemory memory = memory(2);
    TicketEvent a = events.customerSays("m1", "a");
    memory.remember(a);
    assertThat(memory.seen(a)).isTrue();
    assertThat(memory.conflictOf(a)).isNull();
    assertThat(memory.conflictOf(TicketEvents.withId(events.analystSays("m2", "b"), a.eventId())))
        .contains("already used for a different action");
    memory.remember(events.customerSays("m3", "c"));
    memory.remember(events.customerSays("m4", "d"));
    assertThat(memory.seen(a)).as("forgotten beyond the capacity").isFalse();
  }

  @Test
  void aSourceEventThatHappenedBeforeTheLastLoggedOneArrivesLate_feedbackNever() {
    EventMemory memory = memory(100);
    TicketEvent created = at(events.created("Disk full", Priority.P2), T0);
    TicketEvent later = at(events.customerSays("m2", "later"), T0.plusSeconds(120));
    TicketEvent earlier = at(events.customerSays("m1", "earlier"), T0.plusSeconds(60));
    assertThat(memory.logInOrder(created)).isEqualTo(T0);
    assertThat(memory.logInOrder(later)).isEqualTo(T0.plusSeconds(120));
    assertThat(memory.arrivedLate(earlier)).isTrue();
    assertThat(memory.arrivedLate(at(events.of(TicketEventType.ASSISTANT_PAUSED), T0))).isFalse();
    SourceOrder.Derived derived = memory.insertLate(earlier);
    assertThat(derived.rejection()).isNull();
    assertThat(derived.status()).isEqualTo(TicketStatus.TRIAGED);
    // an event without a source time is logged no earlier than the last one
    assertThat(memory.logInOrder(at(events.of(TicketEventType.ESCALATED), null))).isEqualTo(T0.plusSeconds(120));
  }
}
