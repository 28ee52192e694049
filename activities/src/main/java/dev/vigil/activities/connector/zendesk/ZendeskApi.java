package dev.vigil.activities.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.StateField;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.Priority;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Zendesk Support API: a comment is a ticket update, {@code PUT /api/v2/tickets/{id}.json} with
 * {@code ticket.comment.{body, public}}, authenticated as {@code {email}/token:{api token}}. The new comment's id is
 * the {@code Comment} event of the update's audit. Changes made in Vigil are ticket updates too: {@code status}
 * ({@code solved}, {@code closed}), {@code assignee_id}, {@code priority} ({@code urgent}, {@code high}, {@code
 * normal}, {@code low}); setting a field to the value it has changes nothing, so a retry is harmless.
 */
public final class ZendeskApi implements TicketApi {
  /** Vigil's priorities as Zendesk names them; the inbound mapping reads them back to the same level. */
  public static final Map<Priority, String> PRIORITIES = Map.of(Priority.P1, "urgent", Priority.P2, "high",
      Priority.P3, "normal", Priority.P4, "low");

  private final String url;
  private final String authorization;
  private final VendorHttp http;
  private final WriteBack writeBack;

  public ZendeskApi(String url, String email, String apiToken, VendorHttp http) {
    this(url, email, apiToken, http, WriteBack.defaults());
  }

  public ZendeskApi(String url, String email, String apiToken, VendorHttp http, WriteBack writeBack) {
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.http = http;
    this.writeBack = writeBack;
  }

  @Override
  public String source() {
    return "zendesk";
  }

  @Override
  public boolean supportsInternalNotes() {
    return true;
  }

  @Override
  public PostedComment postComment(String ticketId, String text, boolean isPublic, String idempotencyKey) {
    String body = VendorHttp.json(Map.of("ticket", Map.of("comment", Map.of("body", text, "public", isPublic))));
    VendorHttp.Answer answer = http.send(VendorHttp.request(url, "/api/v2/tickets/" + ticketId + ".json")
        .header("Authorization", authorization)
        .header("Idempotency-Key", idempotencyKey)
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build(), "zendesk comment on ticket " + ticketId);
    String id = null;
    for (JsonNode event : answer.body().path("audit").path("events")) {
      if ("Comment".equals(event.path("type").asText())) {
        id = event.path("id").asText(null);
      }
    }
    return new PostedComment(id, answer.status());
  }

  @Override
  public ChangeWritten writeChange(String ticketId, OutboundKind kind, String value, String idempotencyKey,
      Echoes echoes) {
    String field;
    Object written;
    switch (kind) {
      case RESOLVED, CLOSED -> {
        field = "status";
        written = writeBack.status(kind, "solved", "closed");
        echoes.expect(StateField.STATUS, Set.of(kind == OutboundKind.RESOLVED ? "resolved" : "closed"));
      }
      case ASSIGNED -> {
        String user = writeBack.assignee(source(), value);
        field = "assignee_id";
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
    VendorHttp.Answer answer = http.send(VendorHttp.request(url, "/api/v2/tickets/" + ticketId + ".json")
        .header("Authorization", authorization)
        .header("Idempotency-Key", idempotencyKey)
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of("ticket",
            Map.of(field, written)))))
        .build(), "zendesk " + field + " of ticket " + ticketId);
    return new ChangeWritten(answer.status(), "zendesk ticket " + ticketId + " " + field + " " + written);
  }
}
