package dev.vigil.activities.connector.zammad;

import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.workflows.notify.OutboundFailures;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zammad: {@code POST /api/v1/ticket_articles} with a {@code note} article ({@code internal} false for a reply the
 * customer sees in the portal, true for a staff note), {@code Authorization: Token token=<access token>}.
 */
public final class ZammadApi implements TicketApi {
  private final String url;
  private final String token;
  private final VendorHttp http;

  public ZammadApi(String url, String token, VendorHttp http) {
    this.url = url;
    this.token = token;
    this.http = http;
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
    if (!ticketId.chars().allMatch(Character::isDigit)) {
      throw ApplicationFailure.newNonRetryableFailure("not a Zammad ticket id (a number): " + ticketId,
          OutboundFailures.REJECTED);
    }
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
}
