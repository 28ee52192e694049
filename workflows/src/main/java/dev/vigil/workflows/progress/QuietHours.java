package dev.vigil.workflows.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of a tenant's day in which customers get no progress updates, {@code [startHour, endHour)} in {@code zone};
 * a window may wrap midnight (e.g. 22 to 6).
 */
public record QuietHours(int startHour, int endHour, String zone) {

  public QuietHours {
    if (startHour < 0 || startHour > 23 || endHour < 0 || endHour > 23 || startHour == endHour) {
      throw new IllegalArgumentException("quiet hours need two different hours between 0 and 23");
    }
    ZoneId.of(zone == null ? "UTC" : zone); // fails on an unknown zone
    zone = zone == null ? "UTC" : zone;
  }

  /** {@code at}, or the end of the quiet window when {@code at} falls inside it. */
  public Instant adjust(Instant at) {
    ZonedDateTime local = at.atZone(ZoneId.of(zone));
    int hour = local.getHour();
    boolean wraps = startHour > endHour;
    boolean quiet = wraps ? hour >= startHour || hour < endHour : hour >= startHour && hour < endHour;
    if (!quiet) {
      return at;
    }
    ZonedDateTime end = local.withHour(endHour).withMinute(0).withSecond(0).withNano(0);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }
}
