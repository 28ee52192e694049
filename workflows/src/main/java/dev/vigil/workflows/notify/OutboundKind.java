package dev.vigil.workflows.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What Vigil sends to the ticketing system, and to whom; {@link #wireName} is the {@code kind} of the
 * {@link OutboundMessage} and {@link #audience} its {@code audience}.
 */
public enum OutboundKind {
  /** Vigil answered the customer directly. */
  ANSWER("answer", Audience.CUSTOMER),
  /** An analyst adopted or edited Vigil's suggestion. */
  ANALYST_REPLY("analyst_reply", Audience.CUSTOMER),
  /** An analyst wrote to the customer in Vigil (the web UI or the API). */
  ANALYST_MESSAGE("analyst_message", Audience.CUSTOMER),
  /** A progress update to a customer waiting on support. */
  PROGRESS_UPDATE("progress_update", Audience.CUSTOMER),
  /** A risk rule fired. */
  ALERT("alert", Audience.SUPPORT),
  /** A customer turn went unanswered for the reminder time. */
  REMINDER("reminder", Audience.ANALYST),
  /** ... and for the escalation time. */
  ESCALATION("escalation", Audience.ON_CALL),
  /** An analyst resolved the ticket in Vigil; the text is the resolution note. */
  RESOLVED("resolved", Audience.TICKET),
  /** An analyst closed the ticket in Vigil. */
  CLOSED("closed", Audience.TICKET),
  /** An analyst assigned the ticket in Vigil; the text is the analyst's id. */
  ASSIGNED("assigned", Audience.TICKET),
  /** An analyst changed the ticket's priority in Vigil; the text is the priority. */
  PRIORITY_CHANGED("priority_changed", Audience.TICKET);

  private final String wireName;
  private final Audience audience;

  OutboundKind(String wireName, Audience audience) {
    this.wireName = wireName;
    this.audience = audience;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public Audience audience() {
    return audience;
  }

  @JsonCreator
  public static OutboundKind fromWire(String value) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown outbound kind " + value));
  }
}
