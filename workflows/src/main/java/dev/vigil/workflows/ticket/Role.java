package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a message in a ticket's dialogue. */
public enum Role {
  CUSTOMER,
  ANALYST,
  /** Vigil itself (answers, progress updates). */
  VIGIL,
  /** The ticketing system (automatic notices). */
  SYSTEM;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
