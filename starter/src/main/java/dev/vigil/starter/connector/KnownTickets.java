package dev.vigil.starter.connector;

/** Looks up what Vigil knows of a ticket of the connector's source; asked only by connectors that need it. */
@FunctionalInterface
public interface KnownTickets {
  /** The ticket as Vigil has it, or null when Vigil has not seen it (or cannot tell now). */
  KnownTicket find(String ticketId);

  KnownTickets NONE = ticketId -> null;
}
