package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.assistant.RiskMatch;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertsTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private static RiskMatch rule(String id, String text) {
    return new RiskMatch(id, AlertLevel.P1, text, text, Duration.ofHours(1), null);
  }

  @Test
  void aRuleStaysQuietForItsSilenceWindow() {
    Alerts alerts = new Alerts();
    assertThat(alerts.silencedUntil(rule("down", "down"), T0)).isNull();
    alerts.raise(rule("down", "down"), T0);
    assertThat(alerts.silencedUntil(rule("down", "down"), T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(3_600));
    assertThat(alerts.silencedUntil(rule("other", "x"), T0.plusSeconds(60))).isNull();
    assertThat(alerts.silencedUntil(rule("down", "down"), T0.plusSeconds(3_600))).isNull();
  }

  @Test
  void boundedNewestKept_textsCut_andTheSilenceMemoryKeepsTheLatestRules() {
    Alerts alerts = new Alerts();
    for (int i = 0; i < 150; i++) {
      alerts.raise(rule("r" + i, "e".repeat(5_000)), T0.plusSeconds(i));
    }
    assertThat(alerts.alerts().size()).isLessThanOrEqualTo(TicketBudget.ALERTS);
    assertThat(alerts.alerts().size() + alerts.dropped()).isEqualTo(150);
    assertThat(alerts.alerts()).last().extracting(Alert::ruleId).isEqualTo("r149");
    assertThat(alerts.alerts()).allSatisfy(a -> assertThat(a.description()).hasSizeLessThanOrEqualTo(
        TicketBudget.ALERT_TEXT_CHARS));
    assertThat(alerts.silencedUntil(rule("r149", "x"), T0.plusSeconds(200))).isNotNull();
    assertThat(alerts.silencedUntil(rule("r0", "x"), T0.plusSeconds(200))).as("forgotten beyond the memory")
        .isNull();
  }
}
