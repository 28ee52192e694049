package dev.vigil.starter.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.starter.connector.sync.PagedApi;
import dev.vigil.starter.connector.sync.SyncReader;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Resync from Jira Service Management Cloud: the enhanced JQL search ({@code /rest/api/3/search/jql},
 * {@code nextPageToken} paging) for issues not done and updated since a date, then each request's comments through
 * the Service Management API ({@code start}/{@code isLastPage} paging), which tells public from internal. Comment
 * events carry the ids the webhooks give them ({@code jira:comment:<id>}).
 */
public final class JiraSync implements SyncReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIELDS = "summary,description,priority,reporter,assignee,project,status,created,updated";

  private final JiraConnector connector;
  private final String url;
  private final String authorization;
  private final PagedApi api;

  public JiraSync(JiraConnector connector, String url, String email, String apiToken, PagedApi api) {
    this.connector = connector;
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.api = api;
  }

  @Override
  public String source() {
    return JiraConnector.SOURCE;
  }

  @Override
  public void read(Instant since, TicketSink sink) {
    String jql = "statusCategory != Done AND updated >= \""
        + DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").format(since.atOffset(ZoneOffset.UTC)) + "\"";
    String token = null;
    do {
      JsonNode page = get("/rest/api/3/search/jql?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8)
          + "&fields=" + FIELDS + "&maxResults=50"
          + (token == null ? "" : "&nextPageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
          "jira issue search");
      for (JsonNode issue : page.path("issues")) {
        String key = NativeJson.text(issue, "key");
        if (key != null) {
          sink.accept(key, events(issue, key));
        }
      }
      token = page.path("isLast").asBoolean(true) ? null : NativeJson.text(page, "nextPageToken");
    } while (token != null);
  }

  private List<TicketEvent> events(JsonNode issue, String key) {
    ObjectNode root = JSON.createObjectNode();
    root.set("issue", issue);
    TicketFacts facts = connector.facts(root, key);
    Instant created = NativeJson.instant(issue, "fields.created", Instant.EPOCH);
    List<TicketEvent> events = new ArrayList<>();
    events.add(new TicketEvent("jira:created:" + key, TicketEventType.CREATED, created, facts, null, null, null,
        null));
    int start = 0;
    boolean last = false;
    while (!last) {
      JsonNode page = get("/rest/servicedeskapi/request/" + key + "/comment?start=" + start + "&limit=50",
          "jira comments of " + key);
      for (JsonNode comment : page.path("values")) {
        ObjectNode shaped = JSON.createObjectNode()
            .put("id", comment.path("id").asText())
            .put("jsdPublic", comment.path("public").asBoolean(true))
            .put("created", comment.path("created").path("iso8601").asText(null));
        shaped.set("body", comment.path("body"));
        shaped.set("author", comment.path("author"));
        root.set("comment", shaped);
        events.addAll(connector.comment(root, created, facts));
      }
      start += Math.max(page.path("values").size(), 1);
      last = page.path("isLastPage").asBoolean(true);
    }
    String assignee = NativeJson.text(issue, "fields.assignee.accountId");
    if (assignee != null) {
      events.add(new TicketEvent("jira:assigned:" + key + ":" + assignee, TicketEventType.ASSIGNED,
          NativeJson.instant(issue, "fields.updated", created), facts, null,
          new Analyst(assignee, NativeJson.text(issue, "fields.assignee.displayName")), null, null));
    }
    return events;
  }

  private JsonNode get(String path, String what) {
    return api.get(() -> VendorHttp.request(url, path).header("Authorization", authorization).GET().build(), what);
  }
}
