package dev.vigil.activities.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateWritesTest {
  @TempDir
  Path dir;

  private static TicketEvent assigned(String ticketId, String user) {
    return new TicketEvent("e-" + user, TicketEventType.ASSIGNED, Instant.now(), TicketFacts.onlyId(ticketId), null,
        new Analyst(user, null), null, null);
  }

  private static TicketEvent priority(String ticketId, Priority priority) {
    return new TicketEvent("p-" + priority, TicketEventType.PRIORITY_CHANGED, Instant.now(),
        new TicketFacts(ticketId, null, null, priority, null, null), null, null, null, null);
  }

  private static TicketEvent status(String ticketId, TicketEventType type) {
    return new TicketEvent("s-" + type, type, Instant.now(), TicketFacts.onlyId(ticketId), null, null, null, null);
  }

  @Test
  void whatVigilWroteIsItsEcho_onlyOnThatTicketOfThatSource_andAfterARestart() {
    Path file = dir.resolve("connectors/state-writes.tsv");
    StateWrites writes = new StateWrites(file);
    writes.expect("zendesk", "35436", StateField.ASSIGNEE, Set.of("7001"));
    writes.expect("zendesk", "35436", StateField.PRIORITY, Set.of("P1"));

    StateWrites reopened = new StateWrites(file);
    assertThat(reopened.isEcho("zendesk", assigned("35436", "7001"))).isTrue();
    assertThat(reopened.isEcho("zendesk", priority("35436", Priority.P1))).isTrue();
    assertThat(reopened.isEcho("zendesk", assigned("35437", "7001"))).as("another ticket").isFalse();
    assertThat(reopened.isEcho("jira", assigned("35436", "7001"))).as("another source").isFalse();
    assertThat(reopened.isEcho("zendesk", status("35436", TicketEventType.RESOLVED))).as("not written").isFalse();
  }

  @Test
  void aPersonsChangeEndsTheExpectation_andThatSurvivesARestart() {
    Path file = dir.resolve("state-writes.tsv");
    StateWrites writes = new StateWrites(file);
    writes.expect("zammad", "31", StateField.STATUS, Set.of("resolved", "closed"));
    assertThat(writes.isEcho("zammad", status("31", TicketEventType.CLOSED))).isTrue();
    assertThat(writes.isEcho("zammad", status("31", TicketEventType.CLOSED))).as("reported again").isTrue();

    assertThat(writes.isEcho("zammad", status("31", TicketEventType.REOPENED))).isFalse();
    assertThat(writes.isEcho("zammad", status("31", TicketEventType.CLOSED))).as("closed by a person").isFalse();
    assertThat(new StateWrites(file).isEcho("zammad", status("31", TicketEventType.CLOSED))).isFalse();
  }

  @Test
  void aRefusedWriteIsForgotten_aNewerWriteReplacesTheOlder() {
    StateWrites writes = new StateWrites(null);
    writes.expect("github", "o:r#1", StateField.ASSIGNEE, Set.of("octocat"));
    writes.expect("github", "o:r#1", StateField.ASSIGNEE, Set.of("hubot"));
    assertThat(writes.isEcho("github", assigned("o:r#1", "hubot"))).isTrue();

    writes.forget("github", "o:r#1", StateField.ASSIGNEE);
    assertThat(writes.isEcho("github", assigned("o:r#1", "hubot"))).isFalse();
  }

  @Test
  void theLedgerIsBounded_andItsFileCompacted_forgettingTheTicketsWrittenToLongestAgo() throws Exception {
    Path file = dir.resolve("state-writes.tsv");
    StateWrites writes = new StateWrites(file, 3);
    for (int i = 1; i <= 1_500; i++) {
      writes.expect("jira", "SUP-" + i, StateField.ASSIGNEE, Set.of("acc-" + i));
    }
    StateWrites reopened = new StateWrites(file, 3);
    assertThat(reopened.isEcho("jira", assigned("SUP-1", "acc-1"))).isFalse();
    assertThat(reopened.isEcho("jira", assigned("SUP-1500", "acc-1500"))).isTrue();
    assertThat(java.nio.file.Files.readAllLines(file)).hasSizeLessThan(1_500);
  }
}
