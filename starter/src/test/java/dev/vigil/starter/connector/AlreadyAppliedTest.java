package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlreadyAppliedTest {
  private static final WriteBack ZENDESK = new WriteBack(Map.of("Andy", "7001"), Map.of(), null, null);
  private static final KnownTicket ANDYS_P1 = new KnownTicket(TicketStatus.RESOLVED, Priority.P1, "andy");

  private static TicketEvent event(TicketEventType type, Priority priority, String assignee) {
    return new TicketEvent("e1", type, Instant.now(), new TicketFacts("35436", null, null, priority, null, null),
        null, assignee == null ? null : new Analyst(assignee, null), null, null);
  }

  @Test
  void aReportOfWhatTheTicketHasChangesNothing() {
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.ASSIGNED, null, "7001"), ANDYS_P1, ZENDESK))
        .as("the agent andy is mapped to").isTrue();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.ASSIGNED, null, "andy"), ANDYS_P1, ZENDESK))
        .isTrue();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.PRIORITY_CHANGED, Priority.P1, null), ANDYS_P1,
        ZENDESK)).isTrue();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.RESOLVED, null, null), ANDYS_P1, ZENDESK))
        .isTrue();
  }

  @Test
  void anythingElseIsAChange() {
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.ASSIGNED, null, "8002"), ANDYS_P1, ZENDESK))
        .isFalse();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.ASSIGNED, null, "7001"), ANDYS_P1,
        WriteBack.defaults())).as("andy mapped to no one").isFalse();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.PRIORITY_CHANGED, Priority.P2, null), ANDYS_P1,
        ZENDESK)).isFalse();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.CLOSED, null, null), ANDYS_P1, ZENDESK))
        .as("closing a resolved ticket").isFalse();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.REOPENED, null, null), ANDYS_P1, ZENDESK))
        .isFalse();
    assertThat(AlreadyApplied.changesNothing(event(TicketEventType.RESOLVED, null, null), null, ZENDESK))
        .as("a ticket Vigil does not know").isFalse();
  }
}
