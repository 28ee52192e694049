package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of a suggestion Vigil offered; the lower-case name is what the API and the UI show. */
public enum SuggestionState {
  /** Offered to the analyst, not yet acted on. */
  OFFERED,
  /** An analyst sent it to the customer as it was. */
  ADOPTED,
  /** An analyst sent an edited version of it. */
  EDITED,
  /** An analyst dismissed it. */
  DISMISSED,
  /** To be sent to the customer by Vigil unless an analyst replies first. */
  AUTO_PENDING,
  /** Vigil sent it to the customer. */
  ANSWERED,
  /** Vigil's direct answer was cancelled: an analyst replied first, or the ticket closed. */
  CANCELLED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SuggestionState fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Whether an analyst may still adopt, edit or dismiss it. */
  public boolean open() {
    return this == OFFERED || this == AUTO_PENDING;
  }

  /** Whether its text reached the customer (adopted, edited or sent by Vigil). */
  public boolean sent() {
    return this == ADOPTED || this == EDITED || this == ANSWERED;
  }
}
