package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.ticket.TicketStatus.CLOSED;
import static dev.vigil.workflows.ticket.TicketStatus.ESCALATED;
import static dev.vigil.workflows.ticket.TicketStatus.NEW;
import static dev.vigil.workflows.ticket.TicketStatus.RESOLVED;
import static dev.vigil.workflows.ticket.TicketStatus.TRIAGED;
import static dev.vigil.workflows.ticket.TicketStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.testing.TicketEvents;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
  private final TicketEvents events = new TicketEvents("T-1");

  private static TicketStatus to(TicketStatus from, TicketEvent e) {
    Transition t = TicketLifecycle.next(from, e, true, false);
    assertThat(t.rejected()).as("%s on %s rejected: %s", e.type(), from, t.rejection()).isFalse();
    return t.to();
  }

  @Test
  void givenNewTicket_whenCreatedWithSubject_itIsTriaged() {
    assertThat(to(NEW, events.created("Disk full", Priority.P2))).isEqualTo(TRIAGED);
    assertThat(TicketLifecycle.next(NEW, events.created("x", null), false, false).to()).isEqualTo(NEW);
  }

  @Test
  void givenOpenTicket_analystReplyWaitsOnCustomer_andCustomerReplyEscalatesBack() {
    assertThat(to(ESCALATED, events.analystSays("m1", "try this"))).isEqualTo(WAITING_ON_CUSTOMER);
    assertThat(to(WAITING_ON_CUSTOMER, events.customerSays("m2", "still broken"))).isEqualTo(ESCALATED);
    assertThat(to(ESCALATED, events.customerSays("m3", "hello?"))).isEqualTo(ESCALATED);
  }

  @Test
  void givenUnassignedTicket_assignmentEscalates() {
    assertThat(to(TRIAGED, events.assigned("a1", "Bob"))).isEqualTo(ESCALATED);
    assertThat(to(WAITING_ON_CUSTOMER, events.assigned("a1", "Bob"))).isEqualTo(WAITING_ON_CUSTOMER);
  }

  @Test
  void anyOpenStatusResolves_andAnyStatusCloses() {
    for (TicketStatus open : new TicketStatus[] {NEW, TRIAGED, ESCALATED, WAITING_ON_CUSTOMER}) {
      assertThat(to(open, events.resolved("fixed"))).isEqualTo(RESOLVED);
      assertThat(to(open, events.of(TicketEventType.CLOSED))).isEqualTo(CLOSED);
    }
    assertThat(to(RESOLVED, events.of(TicketEventType.CLOSED))).isEqualTo(CLOSED);
  }

  @Test
  void reopenReturnsToEscalatedWhenAssigned_elseTriaged() {
    TicketEvent reopen = events.of(TicketEventType.REOPENED);
    assertThat(TicketLifecycle.next(CLOSED, reopen, true, true).to()).isEqualTo(ESCALATED);
    assertThat(TicketLifecycle.next(RESOLVED, reopen, true, false).to()).isEqualTo(TRIAGED);
    assertThat(TicketLifecycle.next(ESCALATED, reopen, true, true).rejected()).isTrue();
  }

  @Test
  void closedTicketRejectsEverythingButReopen() {
    for (TicketEventType type : TicketEventType.values()) {
      Transition t = TicketLifecycle.next(CLOSED, events.of(type), true, false);
      boolean allowed = type == TicketEventType.REOPENED || type == TicketEventType.CREATED;
      assertThat(t.rejected()).as(type.wireName()).isEqualTo(!allowed);
    }
  }

  @Test
  void resolvedTicketCannotBeEscalated() {
    Transition t = TicketLifecycle.next(RESOLVED, events.escalated(), true, false);
    assertThat(t.rejected()).isTrue();
    assertThat(t.rejection()).contains("reopen");
  }
}
