package dev.vigil.starter.connector.jira;

import static dev.vigil.starter.connector.NativeJson.at;
import static dev.vigil.starter.connector.NativeJson.bool;
import static dev.vigil.starter.connector.NativeJson.requiredText;
import static dev.vigil.starter.connector.NativeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.connector.AdfText;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Jira Service Management Cloud admin webhooks: {@code jira:issue_created}, {@code jira:issue_updated} (changelog
 * items assignee, priority, status, resolution) and {@code comment_created} ({@code jsdPublic} tells a public reply
 * from an internal note). {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>}; the delivery's id is
 * {@code X-Atlassian-Webhook-Identifier}. The issue key ({@code SUP-12}) is the ticket id; the reporter is the
 * customer; the project key is the tenant unless mapped.
 */
public final class JiraConnector implements Connector {
  public static final String SOURCE = "jira";
  public static final String SIGNATURE = "X-Hub-Signature";
  public static final String DELIVERY = "X-Atlassian-Webhook-Identifier";
  private static final Map<String, Priority> PRIORITIES = Map.of("highest", Priority.P1, "high", Priority.P2,
      "medium", Priority.P3, "low", Priority.P4, "lowest", Priority.P4);
  /** Status names that mean solved but not closed; {@code closed} closes; other names are open. */
  private static final Set<String> RESOLVED = Set.of("resolved", "done", "completed", "canceled", "cancelled");

  private final SourceSettings settings;

  public JiraConnector(SourceSettings settings) {
    this.settings = settings;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void verify(InboundRequest request) {
    Hmac.verifyPrefixedHex(request.header(SIGNATURE), SIGNATURE, "sha256=",
        Hmac.sha256(settings.requireSecret(SOURCE), request.body()));
  }

  @Override
  public ConnectorMapping map(InboundRequest request, KnownTickets known) {
    JsonNode root = NativeJson.parse(request.body());
    String kind = requiredText(root, "webhookEvent");
    String ticketId = requiredText(root, "issue.key");
    String delivery = request.requiredHeader(DELIVERY, "Jira sends it with every delivery");
    String eventId = "jira:" + delivery.trim();
    Instant at = NativeJson.instant(root, "timestamp", request.receivedAt());
    TicketFacts facts = facts(root, ticketId);
    List<TicketEvent> events = switch (kind) {
      case "jira:issue_created" -> List.of(event(eventId, TicketEventType.CREATED, at, facts, null));
      case "jira:issue_updated" -> changes(root, eventId, at, facts);
      case "comment_created" -> comment(root, at, facts);
      default -> List.of();
    };
    return ConnectorMapping.of(ticketId, events, "Vigil does not follow " + kind + " (or it changes nothing)");
  }

  private List<TicketEvent> changes(JsonNode root, String eventId, Instant at, TicketFacts facts) {
    List<TicketEvent> events = new ArrayList<>();
    TicketEventType lifecycle = null;
    for (JsonNode item : at(root, "changelog.items")) {
      String field = Objects.requireNonNullElse(text(item, "field"), "").toLowerCase(Locale.ROOT);
      String to = text(item, "toString");
      switch (field) {
        case "assignee" -> {
          String id = firstOf(text(item, "to"), text(root, "issue.fields.assignee.accountId"));
          if (id != null) {
            events.add(event(eventId + ":assignee", TicketEventType.ASSIGNED, at, facts, new Analyst(id, to)));
          }
        }
        case "priority" -> {
          Priority priority = settings.priority(to, PRIORITIES);
          if (priority != null) {
            events.add(event(eventId + ":priority", TicketEventType.PRIORITY_CHANGED, at, withPriority(facts,
                priority), null));
          }
        }
        case "status" -> lifecycle = strongest(lifecycle, status(text(item, "fromString"), to));
        case "resolution" -> lifecycle = strongest(lifecycle,
            to != null ? TicketEventType.RESOLVED : text(item, "fromString") != null ? TicketEventType.REOPENED
                : null);
        default -> {
          // other fields (labels, sprint, custom fields) do not change Vigil's view of the ticket
        }
      }
    }
    if (lifecycle != null) {
      events.add(event(eventId + ":status", lifecycle, at, facts, null));
    }
    return events;
  }

  /** A status change and a resolution change come in one delivery: closed beats resolved beats reopened. */
  private static TicketEventType strongest(TicketEventType a, TicketEventType b) {
    List<TicketEventType> order = List.of(TicketEventType.CLOSED, TicketEventType.RESOLVED,
        TicketEventType.REOPENED);
    if (a == null || (b != null && order.indexOf(b) < order.indexOf(a))) {
      return b;
    }
    return a;
  }

  private static TicketEventType status(String from, String to) {
    String target = to == null ? "" : to.toLowerCase(Locale.ROOT);
    String source = from == null ? "" : from.toLowerCase(Locale.ROOT);
    if (target.equals("closed")) {
      return TicketEventType.CLOSED;
    }
    if (RESOLVED.contains(target)) {
      return TicketEventType.RESOLVED;
    }
    if (source.equals("closed") || RESOLVED.contains(source)) {
      return TicketEventType.REOPENED;
    }
    return null;
  }

  /** The comment at {@code root.comment} (with {@code root.issue}) as a message, none when internal. */
  List<TicketEvent> comment(JsonNode root, Instant at, TicketFacts facts) {
    JsonNode comment = at(root, "comment");
    String commentId = text(comment, "id");
    String body = AdfText.of(comment.path("body"));
    if (commentId == null || body == null) {
      throw new InvalidEventException("comment", "comment needs id and body");
    }
    if (!bool(comment, "jsdPublic", true)) {
      return List.of();
    }
    String author = text(comment, "author.accountId");
    String reporter = text(root, "issue.fields.reporter.accountId");
    Role role = author != null && author.equals(reporter) ? Role.CUSTOMER : Role.ANALYST;
    IncomingMessage message = new IncomingMessage(commentId, role, text(comment, "author.displayName"), body);
    Instant created = NativeJson.instant(comment, "created", at);
    return List.of(new TicketEvent("jira:comment:" + commentId, TicketEventType.MESSAGE_POSTED, created, facts,
        message, null, null, null));
  }

  /** The facts from {@code root.issue.fields}. */
  TicketFacts facts(JsonNode root, String ticketId) {
    JsonNode fields = at(root, "issue.fields");
    Customer customer = fields.path("reporter").isObject()
        ? new Customer(text(fields, "reporter.accountId"), settings.tenant(text(fields, "project.key"), SOURCE),
            text(fields, "reporter.displayName"), text(fields, "reporter.emailAddress"))
        : null;
    return new TicketFacts(ticketId, text(fields, "summary"), AdfText.of(fields.path("description")),
        settings.priority(text(fields, "priority.name"), PRIORITIES), null, customer);
  }

  private static String firstOf(String value, String otherwise) {
    return value != null ? value : otherwise;
  }

  private static TicketFacts withPriority(TicketFacts facts, Priority priority) {
    return new TicketFacts(facts.id(), facts.subject(), facts.description(), priority, facts.product(),
        facts.customer());
  }

  private static TicketEvent event(String eventId, TicketEventType type, Instant at, TicketFacts facts,
      Analyst analyst) {
    return new TicketEvent(eventId, type, at, facts, null, analyst, null, null);
  }
}
