package dev.vigil.activities.connector.zammad;

import dev.vigil.activities.connector.StateField;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.Priority;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Zammad: {@code POST /api/v1/ticket_articles} with a {@code note} article ({@code internal} false for a reply the
 * customer sees in the portal, true for a staff note), {@code Authorization: Token token=<access token>}. Changes
 * made in Vigil are ticket updates, {@code PUT /api/v1/tickets/{id}} with the {@code state} by name, the {@code
 * owner_id}, or the {@code priority} by name; writing the value a field has changes nothing.
 */
public final class ZammadApi implements TicketApi {
  /** Zammad's three default priorities: P1 and P2 both become {@code 3 high}. */
  public static final Map<Priority, String> PRIORITIES = Map.of(Priority.P1, "3 high", Priority.P2, "3 high",
      Priority.P3, "2 normal", Priority.P4, "1 low");

  private final String url;
  private final String token;
  private final VendorHttp http;
  private final WriteBack writeBack;

  public ZammadApi(String url, String token, VendorHttp http) {
    this(url, token, http, WriteBack.defaults());
  }

  public ZammadApi(String url, String token, VendorHttp http, WriteBack writeBack) {
    this.url = url;
    this.token = token;
    this.http = http;
    this.writeBack = writeBack;
  }

  @Override
  public String source() {
    return "zammad";
  }

  @Override
  public boolean supportsInternalNotes() {
    return true;
  }

  @Override
  public PostedComment postComment(String ticketId, String text, boolean isPublic, String idempotencyKey) {
    requireNumber(ticketId);
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("ticket_id", Long.parseLong(ticketId));
    article.put("body", text);
    article.put("content_type", "text/plain");
    article.put("type", "note");
    article.put("sender", "Agent");
    article.put("internal", !isPublic);
    VendorHttp.Answer answer = http.send(VendorHttp.request(url, "/api/v1/ticket_articles")
        .header("Authorization", "Token token=" + token)
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.json(article)))
        .build(), "zammad article on ticket " + ticketId);
    return new PostedComment(answer.body().path("id").asText(null), answer.status());
  }

  @Override
  public ChangeWritten writeChange(String ticketId, OutboundKind kind, String value, String idempotencyKey,
      Echoes echoes) {
    requireNumber(ticketId);
    String field;
    Object written;
    switch (kind) {
      case RESOLVED, CLOSED -> {
        field = "state";
        String state = writeBack.status(kind, "closed", "closed");
        written = state;
        echoes.expect(StateField.STATUS, statusesLike(state));
      }
      case ASSIGNED -> {
        String user = writeBack.assignee(source(), value);
        field = "owner_id";
        written = user.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(user) : user;
        echoes.expect(StateField.ASSIGNEE, Set.of(user));
      }
      case PRIORITY_CHANGED -> {
        field = "priority";
        written = writeBack.priority(source(), value, PRIORITIES);
        echoes.expect(StateField.PRIORITY, writeBack.prioritiesLike(source(), value, PRIORITIES));
      }
      default -> throw new IllegalArgumentException(kind + " is not a change to the ticket");
    }
    VendorHttp.Answer answer = http.send(VendorHttp.request(url, "/api/v1/tickets/" + ticketId)
        .header("Authorization", "Token token=" + token)
        .header("Idempotency-Key", idempotencyKey)
        .PUT(HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of(field, written))))
        .build(), "zammad " + field + " of ticket " + ticketId);
    return new ChangeWritten(answer.status(), "zammad ticket " + ticketId + " " + field + " " + written);
  }

  /**
   * How Zammad's webhook will report {@code state}, which it sends with every later delivery: as what the inbound
   * mapping reads it ({@code closed} closed, {@code pending close} resolved) and as every Vigil status written alike.
   */
  private Set<String> statusesLike(String state) {
    Set<String> alike = new LinkedHashSet<>();
    if (state.equalsIgnoreCase("closed")) {
      alike.add("closed");
    } else if (state.equalsIgnoreCase("pending close")) {
      alike.add("resolved");
    }
    for (OutboundKind kind : new OutboundKind[] {OutboundKind.RESOLVED, OutboundKind.CLOSED}) {
      if (writeBack.status(kind, "closed", "closed").equalsIgnoreCase(state)) {
        alike.add(kind.wireName());
      }
    }
    return alike;
  }

  private static void requireNumber(String ticketId) {
    if (ticketId.isEmpty() || !ticketId.chars().allMatch(Character::isDigit)) {
      throw ApplicationFailure.newNonRetryableFailure("not a Zammad ticket id (a number): " + ticketId,
          OutboundFailures.REJECTED);
    }
  }
}
