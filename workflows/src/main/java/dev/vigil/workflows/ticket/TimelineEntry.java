package dev.vigil.workflows.ticket;

import java.time.Instant;

/** A fact in the ticket's history (status change, assignment, priority change) that status answers are built from. */
public record TimelineEntry(Instant at, String kind, String detail, String eventId) {}
