package dev.vigil.starter.ticket;

import java.time.Instant;

/**
 * One row of the tickets list, read from the workflow's search attributes and memo (no query per ticket);
 * {@code source} is the ticketing system, from the workflow id {@code ticket:<source>:<id>}.
 */
public record TicketSummary(
    String ticketId,
    String workflowId,
    String status,
    String priority,
    String subject,
    String tenant,
    String customer,
    String assignee,
    String product,
    Instant startedAt,
    boolean running,
    String source) {}
