package dev.vigil.workflows.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of an outbound message; the lower-case name is its JSON value. */
public enum SendStatus {
  /** The receiver took it. */
  DELIVERED,
  /** No receiver is configured (no outbound URL): nothing was sent. */
  NOT_CONFIGURED,
  /**
   * Not sent, with the reason in the detail: a change to the ticket that has no counterpart in its system as
   * configured (an analyst with no user there, a status its workflow cannot reach).
   */
  NOT_SENT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SendStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
