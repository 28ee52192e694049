package dev.vigil.starter.ticket;

import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Rating;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.SuggestionFeedback;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The analyst actions, shared by the REST API and the web UI: each becomes one event applied to the ticket's
 * workflow as an update, answered with the ticket after it. The event id comes from the caller's idempotency key
 * (the API's {@code Idempotency-Key} header, the UI form's key), so a retried or double-submitted action applies
 * once.
 */
@Service
public class TicketActions {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final TicketService tickets;
  /** The ticketing system acted on; null: the default one. */
  private final String source;

  @Autowired
  public TicketActions(TicketService tickets) {
    this(tickets, null);
  }

  private TicketActions(TicketService tickets, String source) {
    this.tickets = tickets;
    this.source = source;
  }

  /** The same actions on the tickets of {@code source} (a validated source name). */
  public TicketActions in(String source) {
    return new TicketActions(tickets, source);
  }

  /**
   * Who acts and under which key.
   *
   * @param user the signed-in user's name, recorded as the event's actor
   * @param eventId the event's id: the same for every retry of this action
   */
  public record Actor(String user, String eventId) {

    /** An actor whose event id is {@code channel:key}, or {@code channel:<random>} without a key. */
    public static Actor of(String user, String channel, String idempotencyKey) {
      if (idempotencyKey == null || idempotencyKey.isEmpty()) {
        return new Actor(user, channel + ":" + UUID.randomUUID());
      }
      if (!KEY.matcher(idempotencyKey).matches()) {
        throw new IllegalArgumentException("the idempotency key must be 1-128 letters, digits or . _ : -");
      }
      return new Actor(user, channel + ":" + idempotencyKey);
    }
  }

  public TicketView postMessage(String ticketId, String text, Actor actor) {
    IncomingMessage message = new IncomingMessage(actor.eventId(), Role.ANALYST, actor.user(), text);
    return apply(ticketId, TicketEventType.MESSAGE_POSTED, TicketFacts.onlyId(checked(ticketId)), message, null,
        null, null, actor);
  }

  public TicketView assign(String ticketId, Analyst analyst, Actor actor) {
    return apply(ticketId, TicketEventType.ASSIGNED, TicketFacts.onlyId(checked(ticketId)), null, analyst, null,
        null, actor);
  }

  public TicketView changePriority(String ticketId, Priority priority, Actor actor) {
    TicketFacts facts = new TicketFacts(checked(ticketId), null, null, priority, null, null);
    return apply(ticketId, TicketEventType.PRIORITY_CHANGED, facts, null, null, null, null, actor);
  }

  public TicketView pauseAssistant(String ticketId, Actor actor) {
    return simple(ticketId, TicketEventType.ASSISTANT_PAUSED, actor);
  }

  public TicketView resumeAssistant(String ticketId, Actor actor) {
    return simple(ticketId, TicketEventType.ASSISTANT_RESUMED, actor);
  }

  /** Posts the suggestion's text to the customer as the analyst's reply. */
  public TicketView adopt(String ticketId, String suggestionId, Actor actor) {
    return feedback(ticketId, TicketEventType.SUGGESTION_ADOPTED,
        new SuggestionFeedback(suggestionId, null, null, null), actor);
  }

  /** Posts the analyst's edited version of the suggestion to the customer. */
  public TicketView edit(String ticketId, String suggestionId, String text, Actor actor) {
    return feedback(ticketId, TicketEventType.SUGGESTION_EDITED,
        new SuggestionFeedback(suggestionId, text, null, null), actor);
  }

  public TicketView dismiss(String ticketId, String suggestionId, String reason, Actor actor) {
    return feedback(ticketId, TicketEventType.SUGGESTION_DISMISSED,
        new SuggestionFeedback(suggestionId, null, null, blankToNull(reason)), actor);
  }

  /** {@code like} or {@code dislike}. */
  public TicketView rate(String ticketId, String suggestionId, String rating, Actor actor) {
    return feedback(ticketId, TicketEventType.SUGGESTION_RATED,
        new SuggestionFeedback(suggestionId, null, Rating.fromWire(rating), null), actor);
  }

  public TicketView resolve(String ticketId, String note, Actor actor) {
    return apply(ticketId, TicketEventType.RESOLVED, TicketFacts.onlyId(checked(ticketId)), null, null,
        blankToNull(note), null, actor);
  }

  /** Closes the ticket, which starts its learning run. */
  public TicketView close(String ticketId, Actor actor) {
    return simple(ticketId, TicketEventType.CLOSED, actor);
  }

  private TicketView feedback(String ticketId, TicketEventType type, SuggestionFeedback feedback, Actor actor) {
    return apply(ticketId, type, TicketFacts.onlyId(checked(ticketId)), null, null, null, feedback, actor);
  }

  private TicketView simple(String ticketId, TicketEventType type, Actor actor) {
    return apply(ticketId, type, TicketFacts.onlyId(checked(ticketId)), null, null, null, null, actor);
  }

  private TicketView apply(String ticketId, TicketEventType type, TicketFacts facts, IncomingMessage message,
      Analyst analyst, String note, SuggestionFeedback feedback, Actor actor) {
    TicketEvent event = new TicketEvent(actor.eventId(), type, Instant.now(), facts, message, analyst, note,
        actor.user(), feedback);
    return source == null ? tickets.act(event) : tickets.act(source, event);
  }

  /** The ticket id, or a clear error for one that cannot exist. */
  public static String checked(String ticketId) {
    if (!TicketIds.isValidTicketId(ticketId)) {
      throw new IllegalArgumentException("invalid ticket id");
    }
    return ticketId;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
