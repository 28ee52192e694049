package dev.vigil.starter.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal time buckets ending now, as wide as needed for the span to fit in at most {@link #MAX} of them (1 minute
 * up to 1 week), aligned to the bucket width so labels are round.
 *
 * @param start start of the first bucket
 * @param width bucket width
 * @param count number of buckets; the last one contains now
 */
public record TimeBuckets(Instant start, Duration width, int count) {
  public static final int MAX = 24;
  private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
      Duration.ofDays(1), Duration.ofDays(7));

  /** Buckets covering {@code from} to {@code now} (at least a few minutes). */
  public static TimeBuckets covering(Instant from, Instant now) {
    Instant earliest = from == null || from.isAfter(now) ? now : from;
    for (Duration width : WIDTHS) {
      Instant start = align(earliest, width);
      long count = Duration.between(start, now).toMillis() / width.toMillis() + 1;
      if (count <= MAX) {
        return new TimeBuckets(start, width, (int) Math.max(count, 1));
      }
    }
    Duration widest = WIDTHS.get(WIDTHS.size() - 1);
    Instant start = align(now.minus(widest.multipliedBy(MAX - 1)), widest);
    return new TimeBuckets(start, widest, MAX);
  }

  private static Instant align(Instant t, Duration width) {
    long w = width.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), w) * w);
  }

  /** The bucket holding {@code t}, or -1 when it is outside. */
  public int indexOf(Instant t) {
    if (t == null || t.isBefore(start)) {
      return -1;
    }
    long i = Duration.between(start, t).toMillis() / width.toMillis();
    return i < count ? (int) i : -1;
  }

  /** End of bucket {@code i} (exclusive). */
  public Instant end(int i) {
    return start.plus(width.multipliedBy(i + 1L));
  }

  /** Labels in UTC: times of day for buckets under a day, dates otherwise. */
  public List<String> labels() {
    DateTimeFormatter format = DateTimeFormatter.ofPattern(width.compareTo(Duration.ofDays(1)) < 0 ? "HH:mm" : "MM-dd")
        .withZone(ZoneOffset.UTC);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      labels.add(format.format(start.plus(width.multipliedBy(i))));
    }
    return labels;
  }

  /** How wide a bucket is, in words, for chart captions. */
  public String widthLabel() {
    long minutes = width.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 24 * 60) {
      return minutes / 60 + " h";
    }
    return minutes / (24 * 60) + " d";
  }
}
