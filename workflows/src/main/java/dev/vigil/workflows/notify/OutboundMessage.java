package dev.vigil.workflows.notify;

import java.time.Instant;

/**
 * A message Vigil sends to the ticketing system for a ticket.
 *
 * @param idempotencyKey the same for every attempt to send this message, so the receiver applies it once
 * @param kind {@code answer} (Vigil answered the customer), {@code analyst_reply} (an analyst adopted or edited a
 *     suggestion), {@code alert} (a risk rule fired, for the support team)
 * @param audience {@code customer} or {@code support}
 */
public record OutboundMessage(String idempotencyKey, String ticketId, String kind, String audience, String text,
    String reference, Instant at) {}
