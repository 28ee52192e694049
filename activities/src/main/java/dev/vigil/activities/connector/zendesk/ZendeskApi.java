package dev.vigil.activities.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Zendesk Support API: a comment is a ticket update, {@code PUT /api/v2/tickets/{id}.json} with
 * {@code ticket.comment.{body, public}}, authenticated as {@code {email}/token:{api token}}. The new comment's id is
 * the {@code Comment} event of the update's audit.
 */
public final class ZendeskApi implements TicketApi {
  private final String url;
  private final String authorization;
  private final VendorHttp http;

  public ZendeskApi(String url, String email, String apiToken, VendorHttp http) {
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.http = http;
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
}
