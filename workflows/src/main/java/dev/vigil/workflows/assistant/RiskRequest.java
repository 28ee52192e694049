package dev.vigil.workflows.assistant;

import java.util.List;

/** The customer turns to check against the risk rules, and who wrote them. */
public record RiskRequest(String ticketId, String tenant, String customerId, List<String> customerTurns) {}
