package dev.vigil.starter.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.starter.connector.sync.PagedApi;
import dev.vigil.starter.connector.sync.SyncReader;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resync from Zendesk: the search API for unsolved tickets updated since a date ({@code next_page} links), then each
 * ticket's comments with their authors side-loaded (to tell staff from end users). Comment events carry the ids the
 * webhooks give them ({@code zendesk:comment:<id>}).
 */
public final class ZendeskSync implements SyncReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZendeskConnector connector;
  private final String url;
  private final String authorization;
  private final PagedApi api;

  public ZendeskSync(ZendeskConnector connector, String url, String email, String apiToken, PagedApi api) {
    this.connector = connector;
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
        (email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.api = api;
  }

  @Override
  public String source() {
    return ZendeskConnector.SOURCE;
  }

  @Override
  public void read(Instant since, TicketSink sink) {
    String query = "type:ticket status<solved updated>"
        + DateTimeFormatter.ISO_LOCAL_DATE.format(since.atOffset(ZoneOffset.UTC).minusDays(1));
    String next = url + "/api/v2/search.json?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    while (next != null) {
      JsonNode page = get(next, "zendesk ticket search");
      for (JsonNode ticket : page.path("results")) {
        String id = NativeJson.text(ticket, "id");
        if (id != null) {
          sink.accept(id, events(ticket, id));
        }
      }
      next = NativeJson.text(page, "next_page");
    }
  }

  private List<TicketEvent> events(JsonNode ticket, String id) {
    TicketFacts facts = connector.facts(ticket, id);
    Instant created = NativeJson.instant(ticket, "created_at", Instant.EPOCH);
    List<TicketEvent> events = new ArrayList<>();
    events.add(new TicketEvent("zendesk:created:" + id, TicketEventType.CREATED, created, facts, null, null, null,
        null));
    String next = url + "/api/v2/tickets/" + id + "/comments.json?include=users";
    while (next != null) {
      JsonNode page = get(next, "zendesk comments of ticket " + id);
      Map<String, JsonNode> users = new HashMap<>();
      page.path("users").forEach(user -> users.put(user.path("id").asText(), user));
      for (JsonNode comment : page.path("comments")) {
        JsonNode author = users.get(comment.path("author_id").asText());
        ObjectNode shaped = JSON.createObjectNode()
            .put("id", comment.path("id").asText())
            .put("body", comment.path("body").asText())
            .put("is_public", comment.path("public").asBoolean(true));
        shaped.putObject("author").put("id", comment.path("author_id").asText())
            .put("is_staff", author != null && !"end-user".equals(author.path("role").asText()))
            .put("name", author == null ? null : NativeJson.text(author, "name"));
        events.addAll(connector.comment(shaped, NativeJson.instant(comment, "created_at", created), facts));
      }
      next = NativeJson.text(page, "next_page");
    }
    String assignee = NativeJson.text(ticket, "assignee_id");
    if (assignee != null) {
      events.add(new TicketEvent("zendesk:assigned:" + id + ":" + assignee, TicketEventType.ASSIGNED,
          NativeJson.instant(ticket, "updated_at", created), facts, null, new Analyst(assignee, null), null, null));
    }
    return events;
  }

  private JsonNode get(String absoluteUrl, String what) {
    URI uri = URI.create(absoluteUrl);
    if (!absoluteUrl.startsWith(url + "/")) {
      throw new IllegalStateException(what + ": next page " + absoluteUrl + " is not on " + url);
    }
    return api.get(() -> HttpRequest.newBuilder(uri)
        .timeout(java.time.Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .GET()
        .build(), what);
  }
}
