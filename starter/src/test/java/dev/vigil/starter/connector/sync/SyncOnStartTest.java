package dev.vigil.starter.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.starter.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The start-up resync reads each configured system from the configured horizon, and one failure stops no other. */
class SyncOnStartTest {

  private record Reader(String source, List<Instant> asked, boolean fails) implements SyncReader {
    @Override
    public void read(Instant since, TicketSink sink) {
      asked.add(since);
      if (fails) {
        throw new IllegalStateException("zendesk answered 401");
      }
      sink.accept("T-1", List.of());
    }
  }

  @Test
  void everyConfiguredSystemIsReadFromTheHorizon_andOneFailureStopsNoOther() {
    List<Instant> asked = new ArrayList<>();
    TicketSync sync = new TicketSync(List.of(new Reader("zendesk", asked, true), new Reader("jira", asked, false)),
        Mockito.mock(TicketService.class), new SentComments(null));
    Instant now = Instant.parse("2026-11-29T12:00:00Z");

    List<TicketSync.Summary> done = new SyncOnStart(sync, true, Duration.ofDays(30),
        Clock.fixed(now, ZoneOffset.UTC)).syncAll();

    assertThat(asked).hasSize(2).containsOnly(Instant.parse("2026-10-30T12:00:00Z"));
    assertThat(done).extracting(TicketSync.Summary::source).containsExactly("jira");
    assertThat(done.get(0).tickets()).isEqualTo(1);
  }
}
