package dev.vigil.activities.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an entry may be used in answers ({@code active}), awaits review ({@code draft}) or was withdrawn. */
public enum EntryStatus {
  ACTIVE,
  DRAFT,
  RETIRED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value of a wire name (any case); anything else is refused with the names allowed. */
  @JsonCreator
  public static EntryStatus fromWire(String value) {
    for (EntryStatus candidate : values()) {
      if (candidate.wireName().equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("status must be one of active, draft, retired");
  }
}
