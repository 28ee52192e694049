package dev.vigil.workflows.assistant;

/**
 * The identify and rewrite steps' result for the newest customer turns: what they are, the standalone query to
 * retrieve with, why, and the tenant's delivery policy ({@code suggest}, {@code auto} or {@code off}).
 */
public record Understanding(TurnKind kind, String query, String reason, String delivery) {
  public static final String SUGGEST = "suggest";
  public static final String AUTO = "auto";
  public static final String OFF = "off";
}
