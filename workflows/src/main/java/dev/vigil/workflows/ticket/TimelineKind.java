package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a {@link TimelineEntry} records; the lower-case name is what the API and the UI show. */
public enum TimelineKind {
  /** The status changed; the detail is {@code from → to}. */
  STATUS,
  /** The ticket was assigned; the detail names the analyst. */
  ASSIGNED,
  /** The priority changed; the detail is {@code from → to}. */
  PRIORITY,
  /** Vigil sent the customer a progress update; the detail is when it was due (ISO-8601). */
  PROGRESS_UPDATE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TimelineKind fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
