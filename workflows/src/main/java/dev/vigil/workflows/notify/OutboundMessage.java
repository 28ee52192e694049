package dev.vigil.workflows.notify;

import java.time.Instant;

/**
 * A message Vigil sends to the ticketing system for a ticket.
 *
 * @param idempotencyKey the same for every attempt to send this message, so the receiver applies it once
 * @param kind what it is ({@code answer}, {@code analyst_reply}, {@code alert}… on the wire)
 * @param audience whom it is for ({@code customer}, {@code support}… on the wire): by default its kind's
 */
public record OutboundMessage(String idempotencyKey, String ticketId, OutboundKind kind, Audience audience,
    String text, String reference, Instant at) {}
