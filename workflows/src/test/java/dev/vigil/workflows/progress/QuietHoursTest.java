package dev.vigil.workflows.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private final QuietHours night = new QuietHours(22, 6, "Europe/Berlin");

  @Test
  void timesInsideTheWindowMoveToItsEnd_evenAcrossMidnight() {
    // 23:30 Berlin (UTC+1 in November) → 06:00 Berlin next day = 05:00 UTC
    assertThat(night.adjust(Instant.parse("2026-11-27T22:30:00Z"))).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
    // 02:00 Berlin → 06:00 the same day
    assertThat(night.adjust(Instant.parse("2026-11-28T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
    // 12:00 Berlin is not quiet
    assertThat(night.adjust(Instant.parse("2026-11-28T11:00:00Z"))).isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
  }

  @Test
  void invalidWindowsAreRefused() {
    assertThatThrownBy(() -> new QuietHours(5, 5, "UTC")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuietHours(1, 2, "Mars/Olympus")).isInstanceOf(RuntimeException.class);
  }
}
