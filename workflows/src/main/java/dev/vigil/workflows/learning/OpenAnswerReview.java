package dev.vigil.workflows.learning;

import dev.vigil.workflows.ticket.TicketView;

/**
 * A request to review one of Vigil's answers while its ticket is open.
 *
 * @param ticketWorkflowId the ticket's workflow id (the root of the review's idempotency key)
 * @param ticket the ticket as it is now (bounded like the view; the activity redacts what it reads)
 * @param suggestionId the answer to review
 */
public record OpenAnswerReview(String ticketWorkflowId, TicketView ticket, String suggestionId) {}
