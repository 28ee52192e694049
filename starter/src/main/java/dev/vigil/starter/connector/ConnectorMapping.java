package dev.vigil.starter.connector;

import dev.vigil.workflows.ticket.TicketEvent;
import java.util.List;

/**
 * What a native delivery means for Vigil.
 *
 * @param ticketId the ticket it concerns, in Vigil's id syntax
 * @param events the events to deliver, in the order they happened; empty when Vigil does not follow this kind
 * @param ignored why nothing is delivered, when {@code events} is empty
 */
public record ConnectorMapping(String ticketId, List<TicketEvent> events, String ignored) {

  public ConnectorMapping {
    events = List.copyOf(events);
  }

  public static ConnectorMapping of(String ticketId, List<TicketEvent> events, String ignoredIfEmpty) {
    return new ConnectorMapping(ticketId, events, events.isEmpty() ? ignoredIfEmpty : null);
  }

  public static ConnectorMapping ignored(String ticketId, String reason) {
    return new ConnectorMapping(ticketId, List.of(), reason);
  }
}
