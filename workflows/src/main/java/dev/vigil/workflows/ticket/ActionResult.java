package dev.vigil.workflows.ticket;

/**
 * What an analyst's action did, as its update answers: small, so the history records a line per action rather than
 * the whole ticket. A caller that needs the ticket reads it with the {@code view} query.
 *
 * @param eventId the action's event id
 * @param change what changed, in words ({@code "status triaged → closed"}, {@code "assistant.paused applied"},
 *     {@code "already applied"})
 * @param status the ticket's status after the action
 * @param version the ticket's {@link TicketView#version()} after the action: a view at this version or later has it
 */
public record ActionResult(String eventId, String change, TicketStatus status, long version) {}
