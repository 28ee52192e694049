package dev.vigil.workflows.assistant;

import java.util.List;

/** The customer turns to understand (oldest first, batched when several arrived together) and the ticket subject. */
public record UnderstandRequest(String ticketId, String tenant, String subject, List<String> customerTurns) {}
