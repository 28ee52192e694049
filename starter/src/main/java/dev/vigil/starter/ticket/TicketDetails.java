package dev.vigil.starter.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vigil.workflows.ticket.TicketView;

/**
 * The API's ticket resource: the workflow's view plus the learning run's live status, a link to the run in the
 * Temporal Web UI (null unless {@code VIGIL_TEMPORAL_UI_URL} is set), the customer's status page link and the
 * ticketing system the ticket belongs to ({@code source}, part of its identity), and the customer's opaque key
 * ({@code customerKey}: what the {@code VigilCustomer} search attribute holds, for operators' filters).
 */
public record TicketDetails(@JsonUnwrapped TicketView ticket, LearningStatus learning, String temporalUiUrl,
    String statusUrl, String source, String customerKey) {}
