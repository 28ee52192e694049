package dev.vigil.workflows.ticket;

/**
 * The size budget of one ticket's workflow state.
 *
 * <p>Temporal fails payloads over 2 MB and warns at 512 KB; a query answer travels over gRPC (4 MB). The ticket's
 * state is the continue-as-new input and its view the query answer, so both must stay bounded whatever the ticketing
 * system sends.
 */
public final class TicketBudget {
  /** Sends in flight carried across continue-as-new; the oldest is given up past this. */
  public static final int PENDING_SENDS = 50;

  private TicketBudget() {}
}
