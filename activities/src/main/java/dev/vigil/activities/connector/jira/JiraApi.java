package dev.vigil.activities.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ChangeNotWritable;
import dev.vigil.activities.connector.StateField;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.Priority;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jira Service Management Cloud: {@code POST /rest/servicedeskapi/request/{key}/comment} with {@code {body, public}}
 * (public: a reply the customer sees on the portal and by email; otherwise an internal comment), Basic
 * {@code email:api token}.
 *
 * <p>Changes made in Vigil go through the platform API: a status by the workflow's transition to it ({@code GET} then
 * {@code POST /rest/api/3/issue/{key}/transitions}; the transition whose target status has the configured name, else
 * the first into the <em>done</em> category), the assignee by {@code PUT /rest/api/3/issue/{key}/assignee} with the
 * account id, the priority by {@code PUT /rest/api/3/issue/{key}} with {@code fields.priority.name}. A transition is
 * the one call that is not idempotent, so the issue's status is read first: an issue already there is left alone.
 */
public final class JiraApi implements TicketApi {
  /** Vigil's priorities as Jira's default scheme names them; the inbound mapping reads them back alike. */
  public static final Map<Priority, String> PRIORITIES = Map.of(Priority.P1, "Highest", Priority.P2, "High",
      Priority.P3, "Medium", Priority.P4, "Low");

  private final String url;
  private final String authorization;
  private final VendorHttp http;
  private final WriteBack writeBack;

  public JiraApi(String url, String email, String apiToken, VendorHttp http) {
    this(url, email, apiToken, http, WriteBack.defaults());
  }

  public JiraApi(String url, String email, String apiToken, VendorHttp http, WriteBack writeBack) {
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.http = http;
    this.writeBack = writeBack;
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

  @Override
  public ChangeWritten writeChange(String ticketId, OutboundKind kind, String value, String idempotencyKey,
      Echoes echoes) {
    String issue = "/rest/api/3/issue/" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8);
    return switch (kind) {
      case RESOLVED, CLOSED -> transition(ticketId, issue, writeBack.status(kind, "Resolved", "Closed"), echoes);
      case ASSIGNED -> {
        String accountId = writeBack.assignee(source(), value);
        echoes.expect(StateField.ASSIGNEE, Set.of(accountId));
        VendorHttp.Answer answer = http.send(call(issue + "/assignee", idempotencyKey)
            .PUT(HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of("accountId", accountId))))
            .build(), "jira assignee of " + ticketId);
        yield new ChangeWritten(answer.status(), "jira " + ticketId + " assigned to " + accountId);
      }
      case PRIORITY_CHANGED -> {
        String name = writeBack.priority(source(), value, PRIORITIES);
        echoes.expect(StateField.PRIORITY, writeBack.prioritiesLike(source(), value, PRIORITIES));
        VendorHttp.Answer answer = http.send(call(issue, idempotencyKey)
            .PUT(HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of("fields",
                Map.of("priority", Map.of("name", name))))))
            .build(), "jira priority of " + ticketId);
        yield new ChangeWritten(answer.status(), "jira " + ticketId + " priority " + name);
      }
      default -> throw new IllegalArgumentException(kind + " is not a change to the ticket");
    };
  }

  private ChangeWritten transition(String ticketId, String issue, String target, Echoes echoes) {
    JsonNode status = http.send(call(issue + "?fields=status", null).GET().build(), "jira status of " + ticketId)
        .body().path("fields").path("status");
    if (target.equalsIgnoreCase(status.path("name").asText())) {
      return new ChangeWritten(200, "jira " + ticketId + " is already " + status.path("name").asText());
    }
    JsonNode transitions = http.send(call(issue + "/transitions", null).GET().build(),
        "jira transitions of " + ticketId).body().path("transitions");
    JsonNode chosen = null;
    List<String> offered = new ArrayList<>();
    for (JsonNode t : transitions) {
      offered.add(t.path("name").asText() + " → " + t.path("to").path("name").asText());
      if (chosen == null && target.equalsIgnoreCase(t.path("to").path("name").asText())) {
        chosen = t;
      }
    }
    if (chosen == null) {
      if ("done".equals(status.path("statusCategory").path("key").asText())) {
        return new ChangeWritten(200, "jira " + ticketId + " is already done (" + status.path("name").asText()
            + ")");
      }
      for (JsonNode t : transitions) {
        if (chosen == null && "done".equals(t.path("to").path("statusCategory").path("key").asText())) {
          chosen = t;
        }
      }
    }
    if (chosen == null) {
      throw new ChangeNotWritable("jira " + ticketId + " has no transition from '" + status.path("name").asText()
          + "' to '" + target + "' or another done status (offered: " + (offered.isEmpty() ? "none"
          : String.join(", ", offered)) + "); set vigil.connectors.jira.write-back.resolved-status / closed-status");
    }
    String to = chosen.path("to").path("name").asText();
    // the inbound mapping reads Closed as closed and every other done status as resolved
    echoes.expect(StateField.STATUS, Set.of("closed".equalsIgnoreCase(to) ? "closed" : "resolved"));
    VendorHttp.Answer answer = http.send(call(issue + "/transitions", null)
        .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of("transition",
            Map.of("id", chosen.path("id").asText())))))
        .build(), "jira transition of " + ticketId);
    return new ChangeWritten(answer.status(), "jira " + ticketId + " " + chosen.path("name").asText() + " → " + to);
  }

  private HttpRequest.Builder call(String path, String idempotencyKey) {
    HttpRequest.Builder request = VendorHttp.request(url, path).header("Authorization", authorization);
    return idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey);
  }
}
