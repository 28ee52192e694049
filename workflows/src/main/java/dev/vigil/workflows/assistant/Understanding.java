package dev.vigil.workflows.assistant;

/**
 * The identify and rewrite steps' result for the newest customer turns: what they are, the standalone query to
 * retrieve with, and why.
 */
public record Understanding(TurnKind kind, String query, String reason) {}
