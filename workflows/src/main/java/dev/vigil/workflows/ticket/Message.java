package dev.vigil.workflows.ticket;

import java.time.Instant;

/**
 * One turn of a ticket's dialogue. {@code at} is when it happened at the source; {@code receivedAt} when the ticket
 * applied it (workflow time: what reminders and progress cadences count from, immune to the source's clock);
 * {@code eventId} what carried it.
 */
public record Message(String id, Role role, String author, String text, Instant at, String eventId,
    Instant receivedAt) {}
