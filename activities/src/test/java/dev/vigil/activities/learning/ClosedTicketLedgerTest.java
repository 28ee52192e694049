package dev.vigil.activities.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningOutcome;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClosedTicketLedgerTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @TempDir
  Path dataDir;

  private static ClosedTicket closedTicket() {
    TicketState state = TicketState.open("ticket:desk:T-1", "T-1", NOW);
    TicketSettings settings = TicketSettings.defaults();
    state.apply(new TicketEvent("e1", TicketEventType.CREATED, NOW,
        new TicketFacts("T-1", "Disk full", "The disk is full", Priority.P2, "storage",
            new Customer("c1", "acme", "Ada", "ada@example.com")), null, null, null, null), NOW, settings);
    state.apply(new TicketEvent("e2", TicketEventType.MESSAGE_POSTED, NOW, TicketFacts.onlyId("T-1"),
        new IncomingMessage("m1", Role.CUSTOMER, "Ada", "How do I free space?"), null, null, null), NOW, settings);
    state.apply(new TicketEvent("e3", TicketEventType.RESOLVED, NOW, TicketFacts.onlyId("T-1"), null, null,
        "Deleted old snapshots", null), NOW, settings);
    state.apply(new TicketEvent("e4", TicketEventType.CLOSED, NOW, TicketFacts.onlyId("T-1"), null, null, null,
        null), NOW, settings);
    return new ClosedTicket("ticket:desk:T-1", 1, state.view());
  }

  @Test
  void recordsTheClosedTicket_andReadsItBackWhole() {
    ClosedTicketLedger ledger = new ClosedTicketLedger(dataDir);
    ClosedTicket ticket = closedTicket();
    Path written = ledger.write(ticket);
    assertThat(written).startsWith(dataDir).exists();
    assertThat(ledger.read("ticket:desk:T-1", 1)).contains(ticket);
  }

  @Test
  void recordingTheSameClosingTwiceKeepsOneFile() throws Exception {
    ClosedTicketLedger ledger = new ClosedTicketLedger(dataDir);
    LearningActivitiesImpl activities =
        new LearningActivitiesImpl(ledger, Clock.fixed(NOW, ZoneOffset.UTC));
    LearningOutcome first = activities.recordClosedTicket(closedTicket());
    LearningOutcome again = activities.recordClosedTicket(closedTicket());
    assertThat(again.recordLocation()).isEqualTo(first.recordLocation());
    try (var files = Files.list(dataDir.resolve("learning/closed-tickets"))) {
      assertThat(files).hasSize(1);
    }
    assertThat(first.recordedAt()).isEqualTo(NOW);
  }
}
