package dev.vigil.workflows.learning;

import dev.vigil.workflows.ticket.TicketView;

/** What a ticket hands to learning when it closes: the whole ticket as it stood, and which closing this was. */
public record ClosedTicket(String ticketWorkflowId, int closeNumber, TicketView ticket) {}
