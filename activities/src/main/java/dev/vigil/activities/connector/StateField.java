package dev.vigil.activities.connector;

import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import java.util.Locale;

/**
 * A field of the ticket Vigil writes to a ticketing system and the system reports back by webhook; the values are in
 * Vigil's vocabulary as the inbound events carry them: the status event's name ({@code resolved}, {@code closed},
 * {@code reopened}), the assignee's id in the system (what its assignment events name), the priority ({@code P1}…).
 */
public enum StateField {
  STATUS,
  ASSIGNEE,
  PRIORITY;

  /** The field a change made in Vigil writes. */
  public static StateField of(OutboundKind kind) {
    return switch (kind) {
      case RESOLVED, CLOSED -> STATUS;
      case ASSIGNED -> ASSIGNEE;
      case PRIORITY_CHANGED -> PRIORITY;
      default -> throw new IllegalArgumentException(kind + " is not a change to the ticket");
    };
  }

  /** The field an inbound event reports, or null for an event that is not about one of them. */
  public static StateField of(TicketEventType type) {
    return switch (type) {
      case RESOLVED, CLOSED, REOPENED -> STATUS;
      case ASSIGNED -> ASSIGNEE;
      case PRIORITY_CHANGED -> PRIORITY;
      default -> null;
    };
  }

  /** The value an inbound event of this field reports, or null when the event does not carry one. */
  public String reportedBy(TicketEvent event) {
    return switch (this) {
      case STATUS -> event.type().name().toLowerCase(Locale.ROOT);
      case ASSIGNEE -> event.analyst() == null ? null : event.analyst().id();
      case PRIORITY -> event.ticket() == null || event.ticket().priority() == null ? null
          : event.ticket().priority().name();
    };
  }
}
