package dev.vigil.activities.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a knowledge entry came from: learned from a ticket, imported from docs, or curated by an analyst. */
public enum EntryKind {
  QA,
  DOC,
  CUSTOM;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static EntryKind fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
