package dev.vigil.workflows.ticket;

import java.time.Instant;

/** One turn of a ticket's dialogue. {@code at} is when it happened at the source; {@code eventId} what carried it. */
public record Message(String id, Role role, String author, String text, Instant at, String eventId) {}
