package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a ticket is in its life: {@code new → triaged → escalated ↔ waiting_on_customer → resolved → closed}. */
public enum TicketStatus {
  NEW,
  TRIAGED,
  ESCALATED,
  WAITING_ON_CUSTOMER,
  RESOLVED,
  CLOSED;

  /** The lower-case name used on the wire, in search attributes and in the API. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TicketStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }
}
