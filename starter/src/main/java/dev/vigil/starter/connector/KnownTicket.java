package dev.vigil.starter.connector;

import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketStatus;

/**
 * What Vigil already knows of a ticket, for systems whose webhooks carry the ticket's state but not what changed
 * (Zammad): the connector compares and emits only the changes.
 */
public record KnownTicket(TicketStatus status, Priority priority, String assigneeId) {}
