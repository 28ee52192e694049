package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.testing.TicketEvents;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Events applied in source order whatever order they arrive in (pure: the ticket state alone, no Temporal). */
class SourceOrderTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final TicketSettings SETTINGS = TicketSettings.defaults();

  private static TicketState deliver(String ticketId, List<TicketEvent> events) {
    TicketState state = TicketState.open("ticket:desk:" + ticketId, ticketId, NOW, SETTINGS);
    for (TicketEvent e : events) {
      state.apply(e, NOW, true);
    }
    return state;
  }

  @Test
  void anyDeliveryOrderWithDuplicates_endsInTheStateOfTheInOrderDelivery() {
    Random random = new Random(7);
    int reordered = 0;
    for (int ticket = 0; ticket < 500; ticket++) {
      String id = "S-" + ticket;
      List<TicketEvent> inOrder = StormEvents.inOrder(id, 10 + random.nextInt(40), random);
      List<TicketEvent> storm = StormEvents.stormy(inOrder, 0.2, 0.3, random);
      TicketState clean = deliver(id, inOrder);
      TicketState stormy = deliver(id, storm);
      reordered += stormy.view().decisions().stream().filter(d -> d.action().equals("applied late")).count() > 0
          ? 1 : 0;
      assertThat(StormEvents.Outcome.of(stormy.view())).as("ticket %s delivered as %s", id,
          storm.stream().map(TicketEvent::eventId).toList()).isEqualTo(StormEvents.Outcome.of(clean.view()));
    }
    assertThat(reordered).as("tickets that had late events").isGreaterThan(400);
  }

  @Test
  void aLateCustomerMessage_takesItsPlaceInTheDialogue_andTheLaterResolutionStands() {
    TicketEvents e = new TicketEvents("T-9");
    Instant t0 = Instant.parse("2026-11-27T09:00:00Z");
    TicketEvent created = at(e.created("Disk full", Priority.P2), t0);
    TicketEvent question = at(e.customerSays("m1", "Disk is full, what now?"), t0.plusSeconds(60));
    TicketEvent answer = at(e.analystSays("m2", "Delete old snapshots."), t0.plusSeconds(120));
    TicketEvent resolved = at(e.resolved("Snapshots deleted"), t0.plusSeconds(180));

    TicketState state = deliver("T-9", List.of(created, answer, resolved, question));

    TicketView view = state.view();
    assertThat(view.messages()).extracting(Message::id).containsExactly("m1", "m2");
    assertThat(view.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(view.decisions()).extracting(Decision::action).contains("applied late");
  }

  @Test
  void aLateEventThatCannotApplyAtItsPlace_isRejectedWithTheReason() {
    TicketEvents e = new TicketEvents("T-10");
    Instant t0 = Instant.parse("2026-11-27T09:00:00Z");
    TicketEvent created = at(e.created("Disk full", Priority.P2), t0);
    TicketEvent closed = at(e.of(TicketEventType.CLOSED), t0.plusSeconds(60));
    TicketEvent reopen = at(e.of(TicketEventType.REOPENED), t0.plusSeconds(120));
    TicketEvent lateEscalation = at(e.of(TicketEventType.ESCALATED), t0.plusSeconds(90));

    TicketState state = deliver("T-10", List.of(created, closed, reopen, lateEscalation));

    assertThat(state.view().status()).isEqualTo(TicketStatus.TRIAGED);
    assertThat(state.view().eventsRejected()).isEqualTo(1);
    assertThat(state.view().decisions()).anySatisfy(d -> {
      assertThat(d.action()).isEqualTo("ignored ticket.escalated");
      assertThat(d.reason()).contains("closed ticket", "before events already applied");
    });
  }

  @Test
  void vigilsOwnActions_countFromTheirArrival() {
    TicketEvents e = new TicketEvents("T-11");
    Instant t0 = Instant.parse("2026-11-27T09:00:00Z");
    TicketState state = TicketState.open("ticket:desk:T-11", "T-11", NOW, SETTINGS);
    state.apply(at(e.created("Disk full", Priority.P2), t0), NOW, true);
    state.apply(at(e.analystSays("m2", "Delete old snapshots."), t0.plusSeconds(120)), NOW, true);
    state.apply(at(e.customerSays("m1", "Disk is full?"), t0.plusSeconds(60)), NOW, false);
    assertThat(state.view().messages()).extracting(Message::id).containsExactly("m2", "m1");
    assertThat(state.view().status()).isEqualTo(TicketStatus.ESCALATED);
  }

  private static TicketEvent at(TicketEvent event, Instant at) {
    return new TicketEvent(event.eventId(), event.type(), at, event.ticket(), event.message(), event.analyst(),
        event.resolutionNote(), event.actor(), event.feedback());
  }
}
