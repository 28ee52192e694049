package dev.vigil.starter.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vigil.workflows.ticket.TicketView;

/**
 * The API's ticket resource: the workflow's view plus the learning run's live status, a link to the run in the
 * Temporal Web UI (null unless {@code VIGIL_TEMPORAL_UI_URL} is set) and the customer's status page link.
 */
public record TicketDetails(@JsonUnwrapped TicketView ticket, LearningStatus learning, String temporalUiUrl,
    String statusUrl) {}
