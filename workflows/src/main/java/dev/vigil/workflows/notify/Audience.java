package dev.vigil.workflows.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whom an {@link OutboundMessage} is for; the lower-case name is the {@code audience} on the wire. */
public enum Audience {
  /** The customer: a public reply. */
  CUSTOMER,
  /** The support team (alerts): an internal note. */
  SUPPORT,
  /** The analysts (reminders): an internal note. */
  ANALYST,
  /** The on-call channel (escalations): an internal note. */
  ON_CALL,
  /** The ticket itself: a change to its status, assignee or priority, written back to the system. */
  TICKET;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Audience fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Whether the customer reads it (a public reply rather than an internal note or a ticket change). */
  public boolean customerFacing() {
    return this == CUSTOMER;
  }
}
