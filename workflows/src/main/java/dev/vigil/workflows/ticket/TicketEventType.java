package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Everything that can happen to a ticket. The first eight arrive by webhook; the rest only from Vigil's own API. */
public enum TicketEventType {
  CREATED("ticket.created", true),
  MESSAGE_POSTED("message.posted", true),
  ESCALATED("ticket.escalated", true),
  ASSIGNED("ticket.assigned", true),
  PRIORITY_CHANGED("ticket.priority_changed", true),
  RESOLVED("ticket.resolved", true),
  CLOSED("ticket.closed", true),
  REOPENED("ticket.reopened", true),
  ASSISTANT_PAUSED("assistant.paused", false),
  ASSISTANT_RESUMED("assistant.resumed", false),
  SUGGESTION_ADOPTED("suggestion.adopted", false),
  SUGGESTION_EDITED("suggestion.edited", false),
  SUGGESTION_DISMISSED("suggestion.dismissed", false),
  SUGGESTION_RATED("suggestion.rated", false);

  private final String wireName;
  private final boolean webhook;

  TicketEventType(String wireName, boolean webhook) {
    this.wireName = wireName;
    this.webhook = webhook;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Whether the ticketing system may send this type through the webhook. */
  public boolean acceptedByWebhook() {
    return webhook;
  }

  public static Optional<TicketEventType> fromWireName(String value) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
  }

  @JsonCreator
  static TicketEventType fromJson(String value) {
    return fromWireName(value).orElseThrow(() -> new IllegalArgumentException("unknown event type " + value));
  }
}
