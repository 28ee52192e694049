package dev.vigil.workflows.assistant;

/**
 * The identify and rewrite steps' result for the newest customer turns: what they are, the standalone query to
 * retrieve with, why, and the tenant's delivery policy.
 */
public record Understanding(TurnKind kind, String query, String reason, Delivery delivery) {}
