package dev.vigil.workflows.assistant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the answer step came to. */
public enum ProposalOutcome {
  /** An answer above the confidence threshold. */
  ANSWER,
  /** Nothing in the knowledge above the threshold. */
  NO_KNOWLEDGE,
  /** The answer repeats one the ticket already has. */
  REPEAT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ProposalOutcome fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
