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

  @JsonCreator
  public static EntryStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
