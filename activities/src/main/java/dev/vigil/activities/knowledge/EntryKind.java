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

  /** The value of a wire name (any case); anything else is refused with the names allowed. */
  @JsonCreator
  public static EntryKind fromWire(String value) {
    for (EntryKind candidate : values()) {
      if (candidate.wireName().equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("kind must be one of qa, doc, custom");
  }
}
