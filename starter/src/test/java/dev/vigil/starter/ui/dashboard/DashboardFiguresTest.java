package dev.vigil.starter.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.starter.live.Views;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TimelineEntry;
import dev.vigil.workflows.ticket.TimelineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void bucketsAreAsWideAsTheSpanNeeds() {
    assertThat(TimeBuckets.covering(NOW.minus(Duration.ofMinutes(10)), NOW).width()).isEqualTo(Duration.ofMinutes(1));
    assertThat(TimeBuckets.covering(NOW.minus(Duration.ofHours(5)), NOW).width()).isEqualTo(Duration.ofMinutes(15));
    assertThat(TimeBuckets.covering(NOW.minus(Duration.ofDays(3)), NOW).width()).isEqualTo(Duration.ofHours(6));
    TimeBuckets years = TimeBuckets.covering(NOW.minus(Duration.ofDays(3_000)), NOW);
    assertThat(years.count()).isEqualTo(TimeBuckets.MAX);
    assertThat(years.indexOf(NOW)).isEqualTo(TimeBuckets.MAX - 1);
    TimeBuckets hour = TimeBuckets.covering(NOW.minus(Duration.ofMinutes(50)), NOW);
    assertThat(hour.count()).isLessThanOrEqualTo(TimeBuckets.MAX);
    assertThat(hour.indexOf(NOW)).isEqualTo(hour.count() - 1);
    assertThat(hour.indexOf(NOW.minus(Duration.ofDays(1)))).isEqualTo(-1);
    assertThat(hour.labels()).hasSize(hour.count()).last().isEqualTo("12:00");
  }

  @Test
  void aTicketsStatusAtAnyTimeComesFromItsTimeline() {
    Instant opened = NOW.minus(Duration.ofHours(3));
    TicketView ticket = Views.view(TicketStatus.RESOLVED, opened, List.of(), List.of(), List.of(), List.of(
        new TimelineEntry(opened.plus(Duration.ofMinutes(1)), TimelineKind.STATUS, "new → triaged", "e1"),
        new TimelineEntry(opened.plus(Duration.ofMinutes(2)), TimelineKind.PRIORITY, "P3 → P2", "e2"),
        new TimelineEntry(opened.plus(Duration.ofHours(1)), TimelineKind.STATUS, "triaged → escalated", "e3"),
        new TimelineEntry(opened.plus(Duration.ofHours(2)), TimelineKind.STATUS, "escalated → resolved", "e4")));
    assertThat(DashboardFigures.statusAt(ticket, opened.minusSeconds(1))).isNull();
    assertThat(DashboardFigures.statusAt(ticket, opened.plusSeconds(30))).isEqualTo(TicketStatus.NEW);
    assertThat(DashboardFigures.statusAt(ticket, opened.plus(Duration.ofMinutes(30)))).isEqualTo(TicketStatus.TRIAGED);
    assertThat(DashboardFigures.statusAt(ticket, opened.plus(Duration.ofMinutes(90))))
        .isEqualTo(TicketStatus.ESCALATED);
    assertThat(DashboardFigures.statusAt(ticket, NOW)).isEqualTo(TicketStatus.RESOLVED);
  }

  @Test
  void responsesRatesKnowledgeAndTotalsLandInTheirBuckets() {
    Instant opened = NOW.minus(Duration.ofMinutes(20));
    Instant early = opened.plus(Duration.ofMinutes(1));
    Instant late = NOW.minus(Duration.ofMinutes(1));
    TicketView ticket = Views.view(TicketStatus.ESCALATED, opened, List.of(), List.of(
        new Suggestion("S1", "a", List.of("k"), 0.9, SuggestionState.ADOPTED, early, null, "andy", early),
        new Suggestion("S2", "b", List.of("k"), 0.7, SuggestionState.DISMISSED, late, null, "andy", late),
        new Suggestion("S3", "c", List.of("k"), 0.8, SuggestionState.ANSWERED, late, null, "vigil", late),
        new Suggestion("S4", "d", List.of("k"), 0.6, SuggestionState.OFFERED, late, null, null, null)),
        List.of(), List.of());
    KnowledgeEntry draft = KnowledgeEntry.draft("q1", EntryKind.QA, "q", "a", null, List.of(), "acme",
        Provenance.imported("t"), EntryStatus.DRAFT);
    draft = new KnowledgeEntry(draft.id(), draft.kind(), draft.question(), draft.answer(), null, List.of(), "acme",
        draft.provenance(), EntryStatus.DRAFT, 1, late, late, draft.counters(), null);

    DashboardFigures f = DashboardFigures.compute(List.of(ticket), List.of(draft),
        Map.of(EntryStatus.ACTIVE, 40L, EntryStatus.DRAFT, 1L), NOW);

    int e = f.buckets().indexOf(early);
    int l = f.buckets().indexOf(late);
    assertThat(e).isNotEqualTo(l);
    assertThat(series(f.proactive(), "offered to analyst")[e]).isEqualTo(1);
    assertThat(series(f.proactive(), "offered to analyst")[l]).isEqualTo(2);
    assertThat(series(f.proactive(), "answered directly")[l]).isEqualTo(1);
    assertThat(series(f.rates(), "adopted or edited")[e]).isEqualTo(100);
    assertThat(series(f.rates(), "dismissed")[l]).isEqualTo(100);
    assertThat(series(f.rates(), "dismissed")[0]).as("nothing decided: no value, not 0 %").isNaN();
    assertThat(series(f.knowledge(), "draft")[l]).isEqualTo(1);
    assertThat(series(f.ticketsByStatus(), "escalated")[f.buckets().count() - 1]).isEqualTo(1);
    assertThat(f.totals().suggestions()).isEqualTo(4);
    assertThat(f.totals().answered()).isEqualTo(1);
    assertThat(f.totals().open()).isEqualTo(1);
    assertThat(f.totals().adoptionRate()).isEqualTo(50);
    assertThat(f.totals().dismissRate()).isEqualTo(50);
  }

  private static double[] series(List<Series> all, String name) {
    return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().values();
  }
}
