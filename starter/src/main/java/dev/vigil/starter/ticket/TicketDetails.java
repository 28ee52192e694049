package dev.vigil.starter.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vigil.workflows.ticket.TicketView;

/** The API's ticket resource: the workflow's view plus the learning run's live status and a Temporal UI link. */
public record TicketDetails(@JsonUnwrapped TicketView ticket, LearningStatus learning, String temporalUiUrl) {}
