package dev.vigil.starter.connector.zendesk;

import static dev.vigil.starter.connector.NativeJson.at;
import static dev.vigil.starter.connector.NativeJson.bool;
import static dev.vigil.starter.connector.NativeJson.requiredText;
import static dev.vigil.starter.connector.NativeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.notify.SignatureException;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorMapping;
import dev.vigil.starter.connector.Hmac;
import dev.vigil.starter.connector.InboundRequest;
import dev.vigil.starter.connector.KnownTickets;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.starter.webhook.InvalidEventException;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Zendesk event subscriptions ({@code zen:event-type:ticket.*}): {@code X-Zendesk-Webhook-Signature} =
 * base64(HMAC-SHA256(secret, timestamp + raw body)) with the ISO-8601 {@code X-Zendesk-Webhook-Signature-Timestamp},
 * within the replay window. The payload's {@code id} is the event's id; {@code detail} carries the ticket.
 */
public final class ZendeskConnector implements Connector {
  public static final String SOURCE = "zendesk";
  public static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
  public static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
  private static final String TYPE_PREFIX = "zen:event-type:ticket.";
  private static final Map<String, Priority> PRIORITIES = Map.of(
      "urgent", Priority.P1, "high", Priority.P2, "normal", Priority.P3, "low", Priority.P4);
  private static final Set<String> DONE = Set.of("solved", "closed");

  private final SourceSettings settings;
  private final Duration tolerance;
  private final UnaryOperator<Customer> people;

  public ZendeskConnector(SourceSettings settings, Duration tolerance) {
    this(settings, tolerance, UnaryOperator.identity());
  }

  /** {@code people} completes the requester (events carry only its id), e.g. {@link ZendeskPeople#complete}. */
  public ZendeskConnector(SourceSettings settings, Duration tolerance, UnaryOperator<Customer> people) {
    this.settings = settings;
    this.tolerance = tolerance;
    this.people = people;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void verify(InboundRequest request) {
    String secret = settings.requireSecret(SOURCE);
    String timestamp = request.header(TIMESTAMP);
    if (timestamp == null || timestamp.isBlank()) {
      throw new SignatureException("missing " + TIMESTAMP + " header");
    }
    Instant signedAt;
    try {
      signedAt = OffsetDateTime.parse(timestamp.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new SignatureException(TIMESTAMP + " is not an ISO-8601 date-time");
    }
    long skew = Math.abs(Duration.between(signedAt, request.receivedAt()).toSeconds());
    if (skew > tolerance.toSeconds()) {
      throw new SignatureException("signature timestamp is " + skew + " s away from now (limit "
          + tolerance.toSeconds() + " s)");
    }
    Hmac.verifyBase64(request.header(SIGNATURE), SIGNATURE,
        Hmac.sha256(secret, timestamp.getBytes(StandardCharsets.UTF_8), request.body()));
  }

  @Override
  public ConnectorMapping map(InboundRequest request, KnownTickets known) {
    JsonNode root = NativeJson.parse(request.body());
    String type = requiredText(root, "type");
    String eventId = "zendesk:" + requiredText(root, "id");
    String ticketId = requiredText(root, "detail.id");
    Instant at = NativeJson.instant(root, "time", request.receivedAt());
    if (!type.startsWith(TYPE_PREFIX)) {
      return ConnectorMapping.ignored(ticketId, "not a ticket event: " + type);
    }
    TicketFacts facts = facts(at(root, "detail"), ticketId);
    String kind = type.substring(TYPE_PREFIX.length());
    List<TicketEvent> events = switch (kind) {
      case "created" -> List.of(event(eventId, TicketEventType.CREATED, at, facts, null, null));
      case "comment_added" -> comment(root, eventId, at, facts);
      case "agent_assignment_changed" -> {
        String assignee = text(root, "event.current");
        yield assignee == null ? List.of()
            : List.of(event(eventId, TicketEventType.ASSIGNED, at, facts, null, new Analyst(assignee, null)));
      }
      case "priority_changed" -> {
        Priority priority = settings.priority(text(root, "event.current"), PRIORITIES);
        yield priority == null ? List.of() : List.of(event(eventId, TicketEventType.PRIORITY_CHANGED, at,
            withPriority(facts, priority), null, null));
      }
      case "status_changed" -> status(text(root, "event.previous"), text(root, "event.current"), eventId, at, facts);
      default -> List.of();
    };
    return ConnectorMapping.of(ticketId, events, "Vigil does not follow " + type + " (or it changes nothing)");
  }

  private List<TicketEvent> comment(JsonNode root, String eventId, Instant at, TicketFacts facts) {
    return comment(at(root, "event.comment"), at, facts);
  }

  /** A comment in the event's shape ({@code id, body, is_public, author.{id, is_staff, name}}) as a message. */
  List<TicketEvent> comment(JsonNode comment, Instant at, TicketFacts facts) {
    String commentId = text(comment, "id");
    String body = text(comment, "body");
    if (commentId == null || body == null) {
      throw new InvalidEventException("event.comment", "event.comment needs id and body");
    }
    if (!bool(comment, "is_public", true)) {
      return List.of();
    }
    Role role = bool(comment, "author.is_staff", false) ? Role.ANALYST : Role.CUSTOMER;
    IncomingMessage message = new IncomingMessage(commentId, role, text(comment, "author.name"), body);
    // the comment's own id, so the same comment delivered again (or by a resync) is applied once
    return List.of(new TicketEvent("zendesk:comment:" + commentId, TicketEventType.MESSAGE_POSTED, at, facts,
        message, null, null, null));
  }

  private static List<TicketEvent> status(String previous, String current, String eventId, Instant at,
      TicketFacts facts) {
    String from = previous == null ? "" : previous.toLowerCase(Locale.ROOT);
    String to = current == null ? "" : current.toLowerCase(Locale.ROOT);
    if (to.equals("solved")) {
      return List.of(event(eventId, TicketEventType.RESOLVED, at, facts, null, null));
    }
    if (to.equals("closed")) {
      return List.of(event(eventId, TicketEventType.CLOSED, at, facts, null, null));
    }
    if (DONE.contains(from) && !to.isEmpty()) {
      return List.of(event(eventId, TicketEventType.REOPENED, at, facts, null, null));
    }
    return List.of();
  }

  /** The ticket's facts from Zendesk's ticket object (the event's {@code detail}, or the API's ticket). */
  TicketFacts facts(JsonNode detail, String ticketId) {
    String organisation = text(detail, "organization_id");
    Customer customer = people.apply(new Customer(text(detail, "requester_id"),
        settings.tenant(organisation, SOURCE), null, null));
    return new TicketFacts(ticketId, text(detail, "subject"), text(detail, "description"),
        settings.priority(text(detail, "priority"), PRIORITIES), null, customer);
  }

  private static TicketFacts withPriority(TicketFacts facts, Priority priority) {
    return new TicketFacts(facts.id(), facts.subject(), facts.description(), priority, facts.product(),
        facts.customer());
  }

  private static TicketEvent event(String eventId, TicketEventType type, Instant at, TicketFacts facts,
      IncomingMessage message, Analyst analyst) {
    return new TicketEvent(eventId, type, at, facts, message, analyst, null, null);
  }
}
