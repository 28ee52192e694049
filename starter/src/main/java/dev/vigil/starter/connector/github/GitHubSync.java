package dev.vigil.starter.connector.github;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Resync from GitHub: the open issues of each configured repository updated since a time (pull requests skipped),
 * then each issue's comments, 100 a page. Comment events carry the ids the webhooks give them
 * ({@code github:comment:<id>}).
 */
public final class GitHubSync implements SyncReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PER_PAGE = 100;

  private final GitHubConnector connector;
  private final String apiUrl;
  private final String token;
  private final List<String> repositories;
  private final PagedApi api;

  /** {@code repositories} as {@code owner/name}. */
  public GitHubSync(GitHubConnector connector, String apiUrl, String token, List<String> repositories,
      PagedApi api) {
    this.connector = connector;
    this.apiUrl = apiUrl;
    this.token = token;
    this.repositories = List.copyOf(repositories);
    this.api = api;
  }

  @Override
  public String source() {
    return GitHubConnector.SOURCE;
  }

  @Override
  public void read(Instant since, TicketSink sink) {
    for (String repository : repositories) {
      int slash = repository.indexOf('/');
      if (slash <= 0 || slash == repository.length() - 1) {
        throw new IllegalArgumentException("a GitHub repository is owner/name, not " + repository);
      }
      String owner = repository.substring(0, slash);
      String name = repository.substring(slash + 1);
      for (int page = 1; ; page++) {
        JsonNode issues = get("/repos/" + repository + "/issues?state=open&sort=created&direction=asc&since="
            + since + "&per_page=" + PER_PAGE + "&page=" + page, "github issues of " + repository);
        for (JsonNode issue : issues) {
          if (!issue.path("pull_request").isMissingNode()) {
            continue;
          }
          String ticketId = GitHubConnector.ticketId(owner, name, issue.path("number").asText());
          sink.accept(ticketId, events(owner, name, issue, ticketId));
        }
        if (issues.size() < PER_PAGE) {
          break;
        }
      }
    }
  }

  private List<TicketEvent> events(String owner, String name, JsonNode issue, String ticketId) {
    ObjectNode root = JSON.createObjectNode();
    root.set("issue", issue);
    root.putObject("repository").put("name", name).putObject("owner").put("login", owner);
    TicketFacts facts = connector.facts(root, ticketId);
    Instant created = NativeJson.instant(issue, "created_at", Instant.EPOCH);
    List<TicketEvent> events = new ArrayList<>();
    events.add(new TicketEvent("github:created:" + ticketId, TicketEventType.CREATED, created, facts, null, null,
        null, null));
    for (int page = 1; ; page++) {
      JsonNode comments = get("/repos/" + owner + "/" + name + "/issues/" + issue.path("number").asText()
          + "/comments?per_page=" + PER_PAGE + "&page=" + page, "github comments of " + ticketId);
      for (JsonNode comment : comments) {
        root.set("comment", comment);
        events.add(connector.comment(root, created, facts));
      }
      if (comments.size() < PER_PAGE) {
        break;
      }
    }
    for (JsonNode assignee : issue.path("assignees")) {
      String login = NativeJson.text(assignee, "login");
      if (login != null) {
        events.add(new TicketEvent("github:assigned:" + ticketId + ":" + login, TicketEventType.ASSIGNED,
            NativeJson.instant(issue, "updated_at", created), facts, null, new Analyst(login, login), null, null));
      }
    }
    return events;
  }

  private JsonNode get(String path, String what) {
    return api.get(() -> VendorHttp.request(apiUrl, path)
        .setHeader("Accept", "application/vnd.github+json")
        .header("Authorization", "Bearer " + token)
        .header("X-GitHub-Api-Version", "2022-11-28")
        .GET()
        .build(), what);
  }
}
