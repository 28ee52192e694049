package dev.vigil.workflows.notify;

/**
 * What Vigil sends to the ticketing system, and to whom; {@link #wireName} is the {@code kind} of the
 * {@link OutboundMessage} and {@link #audience} its {@code audience}.
 */
public enum OutboundKind {
  /** Vigil answered the customer directly. */
  ANSWER("answer", "customer"),
  /** An analyst adopted or edited Vigil's suggestion. */
  ANALYST_REPLY("analyst_reply", "customer"),
  /** A progress update to a customer waiting on support. */
  PROGRESS_UPDATE("progress_update", "customer"),
  /** A risk rule fired. */
  ALERT("alert", "support"),
  /** A customer turn went unanswered for the reminder time. */
  REMINDER("reminder", "analyst"),
  /** ... and for the escalation time. */
  ESCALATION("escalation", "on_call");

  private final String wireName;
  private final String audience;

  OutboundKind(String wireName, String audience) {
    this.wireName = wireName;
    this.audience = audience;
  }

  public String wireName() {
    return wireName;
  }

  public String audience() {
    return audience;
  }
}
