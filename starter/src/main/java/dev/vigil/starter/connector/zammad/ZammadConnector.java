package dev.vigil.starter.connector.zammad;

import static dev.vigil.starter.connector.NativeJson.at;
import static dev.vigil.starter.connector.NativeJson.bool;
import static dev.vigil.starter.connector.NativeJson.requiredText;
import static dev.vigil.starter.connector.NativeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorMapping;
import dev.vigil.starter.connector.Hmac;
import dev.vigil.starter.connector.InboundRequest;
import dev.vigil.starter.connector.KnownTicket;
import dev.vigil.starter.connector.KnownTickets;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Zammad trigger webhooks with the default payload ({@code ticket} and {@code article}, no event field).
 * {@code X-Hub-Signature: sha1=<hex HMAC-SHA1(token, raw body)>}; the delivery's id is {@code X-Zammad-Delivery}.
 *
 * <p>Zammad sends the ticket's state, not what changed, so the event is inferred: a new article is a message (its
 * id is the event id, so the same article in several deliveries applies once); the first delivery of a ticket that
 * Vigil does not know is its creation; state, priority and owner are compared with what Vigil has and only the
 * differences become events. {@code pending close} reads as resolved, {@code closed} as closed, an open state after
 * those as a reopen. The owner with id 1 is Zammad's "nobody".
 */
public final class ZammadConnector implements Connector {
  public static final String SOURCE = "zammad";
  public static final String SIGNATURE = "X-Hub-Signature";
  public static final String DELIVERY = "X-Zammad-Delivery";
  private static final Map<String, Priority> PRIORITIES = Map.of(
      "1 low", Priority.P4, "2 normal", Priority.P3, "3 high", Priority.P2);
  private static final String NOBODY = "1";

  private final SourceSettings settings;

  public ZammadConnector(SourceSettings settings) {
    this.settings = settings;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void verify(InboundRequest request) {
    Hmac.verifyPrefixedHex(request.header(SIGNATURE), SIGNATURE, "sha1=",
        Hmac.sha1(settings.requireSecret(SOURCE), request.body()));
  }

  @Override
  public ConnectorMapping map(InboundRequest request, KnownTickets knownTickets) {
    JsonNode root = NativeJson.parse(request.body());
    String ticketId = requiredText(root, "ticket.id");
    String delivery = request.requiredHeader(DELIVERY, "Zammad sends it with every delivery");
    String eventId = "zammad:" + delivery.trim();
    JsonNode ticket = at(root, "ticket");
    Instant at = NativeJson.instant(ticket, "updated_at", request.receivedAt());
    TicketFacts facts = facts(ticket, ticketId);
    KnownTicket known = knownTickets.find(ticketId);
    List<TicketEvent> events = new ArrayList<>();
    if (known == null) {
      // created_at keys the creation, so a second "first" delivery (retry, or two triggers) creates once
      events.add(new TicketEvent("zammad:created:" + ticketId, TicketEventType.CREATED,
          NativeJson.instant(ticket, "created_at", at), facts, null, null, null, null));
    }
    TicketEvent article = article(at(root, "article"), ticket, at, facts);
    if (article != null) {
      events.add(article);
    }
    if (known != null) {
      String owner = text(ticket, "owner_id");
      if (owner != null && !owner.equals(NOBODY) && !owner.equals(known.assigneeId())) {
        events.add(new TicketEvent(eventId + ":owner", TicketEventType.ASSIGNED, at, facts, null,
            new Analyst(owner, ownerName(ticket)), null, null));
      }
      if (facts.priority() != null && facts.priority() != known.priority()) {
        events.add(new TicketEvent(eventId + ":priority", TicketEventType.PRIORITY_CHANGED, at, facts, null, null,
            null, null));
      }
    }
    TicketEventType lifecycle = lifecycle(text(ticket, "state"), known == null ? null : known.status());
    if (lifecycle != null) {
      events.add(new TicketEvent(eventId + ":state", lifecycle, at, facts, null, null, null, null));
    }
    return ConnectorMapping.of(ticketId, events, "nothing changed that Vigil follows");
  }

  private static TicketEventType lifecycle(String state, TicketStatus known) {
    String name = state == null ? "" : state.toLowerCase(Locale.ROOT);
    boolean done = known == TicketStatus.RESOLVED || known == TicketStatus.CLOSED;
    return switch (name) {
      case "closed" -> known == TicketStatus.CLOSED ? null : TicketEventType.CLOSED;
      case "pending close" -> done ? null : TicketEventType.RESOLVED;
      case "new", "open", "pending reminder" -> done ? TicketEventType.REOPENED : null;
      default -> null;
    };
  }

  /** An article as a message; null for internal, system or empty ones. */
  TicketEvent article(JsonNode article, JsonNode ticket, Instant at, TicketFacts facts) {
    String id = text(article, "id");
    if (id == null) {
      return null;
    }
    String sender = Objects.requireNonNullElse(text(article, "sender"), "").toLowerCase(Locale.ROOT);
    String body = text(article, "body");
    if (body == null || bool(article, "internal", false) || sender.equals("system")) {
      return null;
    }
    if (Objects.requireNonNullElse(text(article, "content_type"), "").contains("html")) {
      body = HtmlText.of(body);
    }
    Role role = sender.equals("customer") ? Role.CUSTOMER : Role.ANALYST;
    String from = text(article, "from");
    String author = from != null ? from : text(article, "created_by.login");
    return new TicketEvent("zammad:article:" + id, TicketEventType.MESSAGE_POSTED,
        NativeJson.instant(article, "created_at", at), facts, new IncomingMessage(id, role, author, body), null,
        null, null);
  }

  /** The ticket's facts from Zammad's ticket object. */
  TicketFacts facts(JsonNode ticket, String ticketId) {
    String organisation = text(ticket, "organization_id");
    JsonNode customer = ticket.path("customer");
    String name = String.join(" ", Objects.requireNonNullElse(text(customer, "firstname"), ""),
        Objects.requireNonNullElse(text(customer, "lastname"), "")).strip();
    Customer who = new Customer(text(ticket, "customer_id"), settings.tenant(organisation, SOURCE),
        name.isEmpty() ? null : name, text(customer, "email"));
    String priority = text(ticket, "priority");
    if (priority == null) {
      priority = text(ticket, "priority.name");
    }
    return new TicketFacts(ticketId, text(ticket, "title"), null, settings.priority(priority, PRIORITIES), null,
        who);
  }

  private static String ownerName(JsonNode ticket) {
    JsonNode owner = ticket.path("owner");
    String name = String.join(" ", Objects.requireNonNullElse(text(owner, "firstname"), ""),
        Objects.requireNonNullElse(text(owner, "lastname"), "")).strip();
    return name.isEmpty() ? text(owner, "login") : name;
  }
}
