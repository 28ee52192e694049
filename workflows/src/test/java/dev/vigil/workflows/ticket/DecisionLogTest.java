package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionLogTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  @Test
  void decisionsKeepTheirCapacity_atMostTheBudget_textsCut() {
    DecisionLog log = new DecisionLog(5);
    for (int i = 0; i < 8; i++) {
      log.decide(T0, DecisionKind.SILENT, "a" + i, "r".repeat(2_000));
    }
    assertThat(log.decisions()).extracting(Decision::action).containsExactly("a3", "a4", "a5", "a6", "a7");
    assertThat(log.decisionsDropped()).isEqualTo(3);
    assertThat(log.decisions()).allSatisfy(d -> {
      assertThat(d.kind()).isEqualTo(DecisionKind.SILENT);
      assertThat(d.reason()).hasSizeLessThanOrEqualTo(TicketBudget.DECISION_REASON_CHARS);
    });

    DecisionLog big = new DecisionLog(100_000);
    for (int i = 0; i < 1_000; i++) {
      big.decide(T0, DecisionKind.IDENTIFIED, "identify", "because");
    }
    assertThat(big.decisions()).hasSize(TicketBudget.DECISIONS);
  }

  @Test
  void theTimelineHasItsOwnBound_andKeepsTheNewest() {
    DecisionLog log = new DecisionLog(500);
    for (int i = 0; i < 300; i++) {
      log.note(new TimelineEntry(T0.plusSeconds(i), TimelineKind.STATUS, "x".repeat(1_000), "e" + i));
    }
    assertThat(log.timeline().size()).isLessThanOrEqualTo(TicketBudget.TIMELINE);
    assertThat(log.timeline().size() + log.timelineDropped()).isEqualTo(300);
    assertThat(log.timeline()).last().extracting(TimelineEntry::eventId).isEqualTo("e299");
    assertThat(log.timeline()).allSatisfy(t -> assertThat(t.detail()).hasSizeLessThanOrEqualTo(
        TicketBudget.TIMELINE_DETAIL_CHARS));
    assertThat(log.decisions()).isEmpty();
  }
}
