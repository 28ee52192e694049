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
  /** An analyst wrote to the customer in Vigil (the web UI or the API). */
  ANALYST_MESSAGE("analyst_message", "customer"),
  /** A progress update to a customer waiting on support. */
  PROGRESS_UPDATE("progress_update", "customer"),
  /** A risk rule fired. */
  ALERT("alert", "support"),
  /** A customer turn went unanswered for the reminder time. */
  REMINDER("reminder", "analyst"),
  /** ... and for the escalation time. */
  ESCALATION("escalation", "on_call"),
  /** An analyst resolved the ticket in Vigil; the text is the resolution note. */
  RESOLVED("resolved", "ticket"),
  /** An analyst closed the ticket in Vigil. */
  CLOSED("closed", "ticket"),
  /** An analyst assigned the ticket in Vigil; the text is the analyst's id. */
  ASSIGNED("assigned", "ticket"),
  /** An analyst changed the ticket's priority in Vigil; the text is the priority. */
  PRIORITY_CHANGED("priority_changed", "ticket");

  /** The audience of changes to the ticket itself (status, assignee, priority), written back to the system. */
  public static final String TICKET = "ticket";

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
