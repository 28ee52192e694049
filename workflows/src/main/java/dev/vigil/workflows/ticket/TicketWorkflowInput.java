package dev.vigil.workflows.ticket;

/**
 * Input of a ticket workflow run: the ticket id and settings when the webhook starts it, plus the carried state when
 * a run continues as new.
 */
public record TicketWorkflowInput(String ticketId, TicketSettings settings, TicketState carried) {

  public static TicketWorkflowInput start(String ticketId, TicketSettings settings) {
    return new TicketWorkflowInput(ticketId, settings, null);
  }
}
