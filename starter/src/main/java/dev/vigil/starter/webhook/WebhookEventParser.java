package dev.vigil.starter.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates a webhook body into a {@link TicketEvent}. Every rule names the JSON field it checks, so the
 * sender learns exactly what to fix; unknown fields are ignored for forward compatibility.
 *
 * <p>Forgiving where senders are clumsy but the meaning is clear, because senders do not retry a 4xx and the
 * customer's message would be lost: a blank or null optional field reads as absent (what templates produce for an
 * empty value), and an identifier sent as a JSON integer (Zendesk, Zammad and Freshdesk ids are numbers) reads as its
 * decimal string.
 */
public final class WebhookEventParser {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String WEBHOOK_TYPES = Arrays.stream(TicketEventType.values())
      .filter(TicketEventType::acceptedByWebhook)
      .map(TicketEventType::wireName)
      .collect(Collectors.joining(", "));

  private final ObjectMapper json;

  public WebhookEventParser() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(200_000)
            .maxNumberLength(100)
            .build())
        .build();
    this.json = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  public TicketEvent parse(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("$", "body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException("$", "body cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEventException("$", "body must be a JSON object");
    }
    String eventId = requiredId(root, "eventId", "eventId");
    String typeName = requiredText(root, "type", "type", 64);
    TicketEventType type = TicketEventType.fromWireName(typeName)
        .filter(TicketEventType::acceptedByWebhook)
        .orElseThrow(() -> new InvalidEventException("type",
            "unknown event type '" + typeName + "'; expected one of " + WEBHOOK_TYPES));
    Instant occurredAt = instant(requiredText(root, "occurredAt", "occurredAt", 64), "occurredAt");

    JsonNode ticketNode = requiredObject(root, "ticket", "ticket");
    TicketFacts ticket = ticket(ticketNode, type);
    IncomingMessage message = type == TicketEventType.MESSAGE_POSTED
        ? message(requiredObject(root, "message", "message"))
        : null;
    Analyst analyst = type == TicketEventType.ASSIGNED
        ? analyst(requiredObject(root, "analyst", "analyst"))
        : null;
    String note = null;
    JsonNode resolution = optionalObject(root, "resolution", "resolution");
    if (resolution != null) {
      note = optionalText(resolution, "note", "resolution.note", 20_000);
    }
    return new TicketEvent(eventId, type, occurredAt, ticket, message, analyst, note, null);
  }

  private static TicketFacts ticket(JsonNode node, TicketEventType type) {
    String id = requiredId(node, "id", "ticket.id");
    if (!TicketIds.isValidTicketId(id)) {
      throw new InvalidEventException("ticket.id",
          "ticket.id must start with a letter or digit and contain only letters, digits and . _ : # -");
    }
    String subject = type == TicketEventType.CREATED
        ? requiredText(node, "subject", "ticket.subject", 500)
        : optionalText(node, "subject", "ticket.subject", 500);
    String description = optionalText(node, "description", "ticket.description", 20_000);
    String priorityName = type == TicketEventType.PRIORITY_CHANGED
        ? requiredText(node, "priority", "ticket.priority", 2)
        : optionalText(node, "priority", "ticket.priority", 16);
    Priority priority = priorityName == null ? null : priority(priorityName);
    String product = optionalText(node, "product", "ticket.product", 200);
    JsonNode customerNode = type == TicketEventType.CREATED
        ? requiredObject(node, "customer", "ticket.customer")
        : optionalObject(node, "customer", "ticket.customer");
    Customer customer = customerNode == null ? null : customer(customerNode, type == TicketEventType.CREATED);
    return new TicketFacts(id, subject, description, priority, product, customer);
  }

  private static Customer customer(JsonNode node, boolean tenantRequired) {
    String tenant = tenantRequired
        ? requiredText(node, "tenant", "ticket.customer.tenant", 64)
        : optionalText(node, "tenant", "ticket.customer.tenant", 64);
    if (tenant != null && !TENANT.matcher(tenant).matches()) {
      throw new InvalidEventException("ticket.customer.tenant",
          "ticket.customer.tenant must be 1-64 letters, digits or . _ -");
    }
    return new Customer(
        optionalId(node, "id", "ticket.customer.id"),
        tenant,
        optionalText(node, "name", "ticket.customer.name", 200),
        optionalText(node, "email", "ticket.customer.email", 320));
  }

  private static IncomingMessage message(JsonNode node) {
    String id = requiredId(node, "id", "message.id");
    String roleName = requiredText(node, "role", "message.role", 16);
    Role role = switch (roleName) {
      case "customer" -> Role.CUSTOMER;
      case "analyst" -> Role.ANALYST;
      default -> throw new InvalidEventException("message.role", "message.role must be customer or analyst");
    };
    String author = optionalText(node, "author", "message.author", 200);
    String text = requiredText(node, "text", "message.text", 32_000);
    return new IncomingMessage(id, role, author, text);
  }

  private static Analyst analyst(JsonNode node) {
    return new Analyst(
        requiredId(node, "id", "analyst.id"), optionalText(node, "name", "analyst.name", 200));
  }

  private static Priority priority(String value) {
    try {
      return Priority.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("ticket.priority", "ticket.priority must be one of P1, P2, P3, P4");
    }
  }

  private static Instant instant(String value, String field) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(field, field + " must be an ISO-8601 date-time with offset, e.g. "
          + "2026-11-27T10:15:30Z");
    }
  }

  private static String requiredText(JsonNode parent, String name, String field, int maxLength) {
    String value = optionalText(parent, name, field, maxLength);
    if (value == null) {
      throw new InvalidEventException(field, field + " is required");
    }
    return value;
  }

  private static String requiredId(JsonNode parent, String name, String field) {
    String value = optionalId(parent, name, field);
    if (value == null) {
      throw new InvalidEventException(field, field + " is required");
    }
    return value;
  }

  /** An identifier: a string, or a JSON integer read as its decimal string ({@code 4711} → {@code "4711"}). */
  private static String optionalId(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node != null && node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node != null && node.isNumber()) {
      throw new InvalidEventException(field, field + " must be a string or a whole number");
    }
    return optionalText(parent, name, field, 200);
  }

  /**
   * A string field: absent, null or blank gives null (blank is what a sender's template produces for an empty
   * value); other JSON types, oversized values or control characters fail.
   */
  private static String optionalText(JsonNode parent, String name, String field, int maxLength) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidEventException(field, field + " must be a string");
    }
    String value = node.textValue();
    if (value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new InvalidEventException(field, field + " is longer than " + maxLength + " characters");
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw new InvalidEventException(field, field + " contains control characters");
    }
    return value;
  }

  private static JsonNode requiredObject(JsonNode parent, String name, String field) {
    JsonNode node = optionalObject(parent, name, field);
    if (node == null) {
      throw new InvalidEventException(field, field + " is required");
    }
    return node;
  }

  /** An object field: absent, null or a blank string (a template's empty value) gives null. */
  private static JsonNode optionalObject(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidEventException(field, field + " must be an object");
    }
    return node;
  }
}
