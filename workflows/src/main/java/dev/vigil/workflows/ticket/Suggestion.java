package dev.vigil.workflows.ticket;

import java.time.Instant;
import java.util.List;

/** An answer Vigil offered on a ticket, with the knowledge entries it cites and what the analyst did with it. */
public record Suggestion(
    String id, String text, List<String> citations, double confidence, String state, Instant offeredAt) {}
