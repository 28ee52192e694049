package dev.vigil.workflows.testing;

import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds ticket events for tests, each with a fresh event id unless one is given. */
public final class TicketEvents {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  private final String ticketId;

  public TicketEvents(String ticketId) {
    this.ticketId = ticketId;
  }

  public static String nextId() {
    return "evt-" + SEQ.incrementAndGet();
  }

  public TicketEvent created(String subject, Priority priority) {
    return event(TicketEventType.CREATED, new TicketFacts(ticketId, subject, "It does not work", priority, "storage",
        new Customer("cust-1", "acme", "Ada Customer", "ada@example.com")), null, null, null);
  }

  public TicketEvent customerSays(String messageId, String text) {
    return event(TicketEventType.MESSAGE_POSTED, TicketFacts.onlyId(ticketId),
        new IncomingMessage(messageId, Role.CUSTOMER, "Ada Customer", text), null, null);
  }

  public TicketEvent analystSays(String messageId, String text) {
    return event(TicketEventType.MESSAGE_POSTED, TicketFacts.onlyId(ticketId),
        new IncomingMessage(messageId, Role.ANALYST, "Bob Analyst", text), null, null);
  }

  public TicketEvent escalated() {
    return of(TicketEventType.ESCALATED);
  }

  public TicketEvent assigned(String analystId, String name) {
    return event(TicketEventType.ASSIGNED, TicketFacts.onlyId(ticketId), null, new Analyst(analystId, name), null);
  }

  public TicketEvent priority(Priority priority) {
    return event(TicketEventType.PRIORITY_CHANGED, new TicketFacts(ticketId, null, null, priority, null, null),
        null, null, null);
  }

  public TicketEvent resolved(String note) {
    return event(TicketEventType.RESOLVED, TicketFacts.onlyId(ticketId), null, null, note);
  }

  public TicketEvent of(TicketEventType type) {
    return event(type, TicketFacts.onlyId(ticketId), null, null, null);
  }

  public TicketEvent event(
      TicketEventType type, TicketFacts facts, IncomingMessage message, Analyst analyst, String note) {
    return new TicketEvent(nextId(), type, AT, facts, message, analyst, note, null);
  }

  /** The same event under another id, as a ticketing system that re-sends a change would deliver it. */
  public static TicketEvent withId(TicketEvent event, String eventId) {
    return new TicketEvent(eventId, event.type(), event.occurredAt(), event.ticket(), event.message(),
        event.analyst(), event.resolutionNote(), event.actor());
  }
}
