package dev.vigil.activities.connector.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ChangeNotWritable;
import dev.vigil.activities.connector.StateField;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.VigilMarker;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.Priority;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub Issues: {@code POST /repos/{owner}/{repo}/issues/{n}/comments}, {@code Authorization: Bearer <token>}; the
 * API URL may carry a path prefix (GitHub Enterprise Server's {@code /api/v3}). Every comment carries Vigil's hidden
 * marker. GitHub has no internal comments.
 *
 * <p>Changes made in Vigil are issue updates, {@code PATCH /repos/{owner}/{repo}/issues/{n}}: resolve and close
 * {@code state: closed} with a {@code state_reason} ({@code completed} unless configured), assignment {@code
 * assignees: [login]}, priority a label that replaces the issue's previous priority label (the issue's labels are read
 * first, as GitHub's {@code labels} replaces the whole set).
 */
public final class GitHubApi implements TicketApi {
  /** Vigil's priorities as labels; the inbound mapping reads these labels back to the same level. */
  public static final Map<Priority, String> PRIORITIES = Map.of(Priority.P1, "priority: critical",
      Priority.P2, "priority: high", Priority.P3, "priority: medium", Priority.P4, "priority: low");
  /** Labels that name a priority in either default vocabulary ({@code P2}, {@code priority: high}). */
  private static final Pattern PRIORITY_LABEL = Pattern.compile("(?i)p[1-4]|priority:.*");

  private final String apiUrl;
  private final String token;
  private final VendorHttp http;
  private final WriteBack writeBack;

  public GitHubApi(String apiUrl, String token, VendorHttp http) {
    this(apiUrl, token, http, WriteBack.defaults());
  }

  public GitHubApi(String apiUrl, String token, VendorHttp http, WriteBack writeBack) {
    this.apiUrl = apiUrl;
    this.token = token;
    this.http = http;
    this.writeBack = writeBack;
  }

  @Override
  public String source() {
    return "github";
  }

  @Override
  public boolean supportsInternalNotes() {
    return false;
  }

  /** {@code ticketId} is {@code <owner>:<repo>#<number>}, as the GitHub connector names issues. */
  @Override
  public PostedComment postComment(String ticketId, String text, boolean isPublic, String idempotencyKey) {
    VendorHttp.Answer answer = http.send(call(issuePath(ticketId) + "/comments", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of("body",
            VigilMarker.append(text, idempotencyKey)))))
        .build(), "github comment on " + ticketId);
    return new PostedComment(answer.body().path("id").asText(null), answer.status());
  }

  @Override
  public ChangeWritten writeChange(String ticketId, OutboundKind kind, String value, String idempotencyKey,
      Echoes echoes) {
    String issue = issuePath(ticketId);
    Map<String, Object> patch;
    String detail;
    switch (kind) {
      case RESOLVED, CLOSED -> {
        String reason = writeBack.status(kind, "completed", "completed");
        if (!reason.equals("completed") && !reason.equals("not_planned")) {
          throw new ChangeNotWritable("github state_reason '" + reason + "' is not completed or not_planned; set "
              + "vigil.connectors.github.write-back.resolved-status / closed-status to one of them");
        }
        patch = Map.of("state", "closed", "state_reason", reason);
        // the inbound mapping reads closed as completed as resolved, as not planned as closed
        echoes.expect(StateField.STATUS, Set.of(reason.equals("completed") ? "resolved" : "closed"));
        detail = "closed as " + reason;
      }
      case ASSIGNED -> {
        String login = writeBack.assignee(source(), value);
        patch = Map.of("assignees", List.of(login));
        echoes.expect(StateField.ASSIGNEE, Set.of(login));
        detail = "assigned to " + login;
      }
      case PRIORITY_CHANGED -> {
        String label = writeBack.priority(source(), value, PRIORITIES);
        List<String> labels = new ArrayList<>();
        for (JsonNode existing : http.send(call(issue, null).GET().build(), "github issue " + ticketId).body()
            .path("labels")) {
          String name = existing.isTextual() ? existing.asText() : existing.path("name").asText();
          if (!isPriorityLabel(name)) {
            labels.add(name);
          }
        }
        labels.add(label);
        patch = Map.of("labels", labels);
        echoes.expect(StateField.PRIORITY, writeBack.prioritiesLike(source(), value, PRIORITIES));
        detail = "labelled " + label;
      }
      default -> throw new IllegalArgumentException(kind + " is not a change to the ticket");
    }
    VendorHttp.Answer answer = http.send(call(issue, idempotencyKey)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(VendorHttp.json(patch)))
        .build(), "github issue " + ticketId);
    return new ChangeWritten(answer.status(), "github " + ticketId + " " + detail);
  }

  private boolean isPriorityLabel(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return PRIORITY_LABEL.matcher(name).matches()
        || PRIORITIES.values().stream().anyMatch(lower::equalsIgnoreCase)
        || writeBack.priorities().values().stream().anyMatch(lower::equalsIgnoreCase);
  }

  /** {@code /repos/{owner}/{repo}/issues/{n}} of {@code <owner>:<repo>#<number>}, as the connector names issues. */
  private static String issuePath(String ticketId) {
    int colon = ticketId.indexOf(':');
    int hash = ticketId.lastIndexOf('#');
    if (colon <= 0 || hash <= colon + 1 || hash == ticketId.length() - 1) {
      throw ApplicationFailure.newNonRetryableFailure("not a GitHub issue id (owner:repo#number): " + ticketId,
          OutboundFailures.REJECTED);
    }
    return "/repos/" + ticketId.substring(0, colon) + "/" + ticketId.substring(colon + 1, hash) + "/issues/"
        + ticketId.substring(hash + 1);
  }

  private HttpRequest.Builder call(String path, String idempotencyKey) {
    HttpRequest.Builder request = VendorHttp.request(apiUrl, path)
        .header("Authorization", "Bearer " + token)
        .setHeader("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28");
    return idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey);
  }
}
