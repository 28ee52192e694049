package dev.vigil.workflows.assistant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a customer turn is, as far as Vigil's help is concerned. */
public enum TurnKind {
  QUESTION(true),
  ERROR_REPORT(true),
  TROUBLESHOOTING(true),
  STATUS_INQUIRY(true),
  GREETING(false),
  THANKS(false),
  ACKNOWLEDGEMENT(false),
  OUT_OF_SCOPE(false);

  private final boolean helpable;

  TurnKind(boolean helpable) {
    this.helpable = helpable;
  }

  /** Whether Vigil may try to help with this kind of turn. */
  public boolean helpable() {
    return helpable;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TurnKind fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
