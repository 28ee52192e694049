package dev.vigil.workflows.ticket;

import java.time.Instant;

/**
 * Something that happened to a ticket: delivered by the ticketing system's webhook (as a signal) or by an analyst
 * through Vigil's API (as an update). {@code eventId} makes delivery idempotent: a ticket applies each id once.
 *
 * @param actor who caused it through Vigil's API (a Vigil user name); null for webhook events
 * @param feedback what the analyst did with a suggestion, for the {@code suggestion.*} types
 */
public record TicketEvent(
    String eventId,
    TicketEventType type,
    Instant occurredAt,
    TicketFacts ticket,
    IncomingMessage message,
    Analyst analyst,
    String resolutionNote,
    String actor,
    SuggestionFeedback feedback) {

  public TicketEvent(String eventId, TicketEventType type, Instant occurredAt, TicketFacts ticket,
      IncomingMessage message, Analyst analyst, String resolutionNote, String actor) {
    this(eventId, type, occurredAt, ticket, message, analyst, resolutionNote, actor, null);
  }

  public String ticketId() {
    return ticket.id();
  }
}
