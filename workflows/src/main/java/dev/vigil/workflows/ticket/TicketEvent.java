package dev.vigil.workflows.ticket;

import java.time.Instant;

/**
 * Something that happened to a ticket: delivered by the ticketing system's webhook (as a signal) or by an analyst
 * through Vigil's API (as an update). {@code eventId} makes delivery idempotent: a ticket applies each id once.
 *
 * @param actor who caused it through Vigil's API (a Vigil user name); null for webhook events
 */
public record TicketEvent(
    String eventId,
    TicketEventType type,
    Instant occurredAt,
    TicketFacts ticket,
    IncomingMessage message,
    Analyst analyst,
    String resolutionNote,
    String actor) {

  public String ticketId() {
    return ticket.id();
  }
}
