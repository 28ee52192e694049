package dev.vigil.activities.connector.jira;

import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Jira Service Management Cloud: {@code POST /rest/servicedeskapi/request/{key}/comment} with {@code {body, public}}
 * (public: a reply the customer sees on the portal and by email; otherwise an internal comment), Basic
 * {@code email:api token}.
 */
public final class JiraApi implements TicketApi {
  private final String url;
  private final String authorization;
  private final VendorHttp http;

  public JiraApi(String url, String email, String apiToken, VendorHttp http) {
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.http = http;
  }

  @Override
  public String source() {
    return "jira";
  }

  @Override
  public boolean supportsInternalNotes() {
    return true;
  }

  @Override
  public PostedComment postComment(String ticketId, String text, boolean isPublic, String idempotencyKey) {
    String body = VendorHttp.json(Map.of("body", text, "public", isPublic));
    VendorHttp.Answer answer = http.send(VendorHttp.request(url, "/rest/servicedeskapi/request/" + ticketId
            + "/comment")
        .header("Authorization", authorization)
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), "jira comment on " + ticketId);
    return new PostedComment(answer.body().path("id").asText(null), answer.status());
  }
}
