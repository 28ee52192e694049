package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.connector.VigilMarker;
import dev.vigil.starter.connector.sync.TicketSync;
import dev.vigil.testkit.http.VigilHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resync from the system of record on the embedded application: open tickets and their comments come in with
 * their original ids, through paging and a rate limit, and a second sync changes nothing.
 */
class TicketSyncTest extends ConnectorApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TicketSync sync;

  private static String number() {
    return String.valueOf(300_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 600_000));
  }

  private static ObjectNode zendeskTicket(String id) {
    return JSON.createObjectNode().put("id", Long.parseLong(id)).put("subject", "Sync " + id)
        .put("description", "Exports are empty").put("status", "open").put("priority", "high")
        .put("requester_id", 7001).put("organization_id", "acme").put("assignee_id", 8001)
        .put("created_at", "2026-11-20T09:00:00Z").put("updated_at", "2026-11-26T09:00:00Z");
  }

  private static ObjectNode zendeskComment(long id, long author, String body) {
    return JSON.createObjectNode().put("id", id).put("author_id", author).put("body", body).put("public", true)
        .put("created_at", "2026-11-20T09:0" + (id % 10) + ":00Z");
  }

  @Test
  void zendeskOpenTicketsComeBackWithTheirCommentsThroughPagingAndARateLimit_andASecondSyncChangesNothing() {
    List<String> ids = List.of(number(), number());
    List<JsonNode> users = List.of(JSON.createObjectNode().put("id", 7001).put("name", "Ada").put("role", "end-user"),
        JSON.createObjectNode().put("id", 8001).put("name", "Bob").put("role", "agent"));
    long base = Long.parseLong(ids.get(0)) * 10;
    for (String id : ids) {
      FAKE.seedZendesk(zendeskTicket(id), List.of(zendeskComment(base + 1, 7001, "Exports are empty since Monday"),
          zendeskComment(base + 2, 8001, "Which export format do you use?")), users);
      base += 10;
    }
    FAKE.failNext(429, Map.of("Retry-After", "1"));
    List<String> progress = new ArrayList<>();

    long start = System.nanoTime();
    TicketSync.Summary first = sync.sync("zendesk", Instant.now().minus(Duration.ofDays(30)),
        (ticketId, tickets, events) -> progress.add(ticketId));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited the Retry-After")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(progress).containsAll(ids);
    assertThat(first.skipped()).isEmpty();

    for (String id : ids) {
      JsonNode ticket = awaitTicket("zendesk", id, t -> t.get("messages").size() == 2
          && t.get("assignee") != null && !t.get("assignee").isNull());
      assertThat(ticket.get("subject").asText()).isEqualTo("Sync " + id);
      assertThat(ticket.get("priority").asText()).isEqualTo("P2");
      assertThat(ticket.get("messages").get(0).get("role").asText()).isEqualTo("customer");
      assertThat(ticket.get("messages").get(1).get("role").asText()).isEqualTo("analyst");
    }
    long applied = awaitTicket("zendesk", ids.get(0), t -> true).get("eventsApplied").asLong();

    sync.sync("zendesk", Instant.now().minus(Duration.ofDays(30)), TicketSync.Progress.NONE);
    JsonNode again = awaitTicket("zendesk", ids.get(0), t -> t.get("duplicateEventsIgnored").asLong() >= 4);
    assertThat(again.get("eventsApplied").asLong()).isEqualTo(applied);
    assertThat(again.get("messages")).hasSize(2);
  }

  @Test
  void githubIssuesComeBack_withoutVigilsOwnComments() {
    String number = number();
    ObjectNode issue = JSON.createObjectNode().put("number", Integer.parseInt(number)).put("title", "Crash on start")
        .put("body", "It crashes").put("state", "open").put("created_at", "2026-11-20T09:00:00Z")
        .put("updated_at", "2026-11-26T09:00:00Z");
    issue.putObject("user").put("id", 1).put("login", "ada");
    issue.putArray("labels").addObject().put("name", "P1");
    ObjectNode question = JSON.createObjectNode().put("id", Long.parseLong(number) * 10 + 1)
        .put("body", "Any workaround?").put("author_association", "NONE").put("created_at", "2026-11-20T10:00:00Z");
    question.putObject("user").put("id", 1).put("login", "ada");
    ObjectNode own = JSON.createObjectNode().put("id", Long.parseLong(number) * 10 + 2)
        .put("body", VigilMarker.append("Update to 1.2", "ticket:github:x/1")).put("author_association", "MEMBER")
        .put("created_at", "2026-11-20T11:00:00Z");
    own.putObject("user").put("id", 2).put("login", "vigil-bot");
    FAKE.seedGitHub("Codertocat/synced", issue, List.of(question, own));

    sync.sync("github", Instant.now().minus(Duration.ofDays(30)), TicketSync.Progress.NONE);

    JsonNode ticket = awaitTicket("github", "Codertocat:synced#" + number, t -> t.get("messages").size() == 1);
    assertThat(ticket.get("priority").asText()).isEqualTo("P1");
    assertThat(ticket.get("messages").get(0).get("text").asText()).isEqualTo("Any workaround?");
  }

  @Test
  void jiraRequestsComeBackThroughTokenPaging_withPublicCommentsOnly() {
    List<String> keys = List.of("SYNC-" + number(), "SYNC-" + number());
    for (String key : keys) {
      ObjectNode issue = JSON.createObjectNode().put("id", "1" + key.substring(5)).put("key", key);
      ObjectNode fields = issue.putObject("fields").put("summary", "Sync " + key)
          .put("created", "2026-11-20T09:00:00.000+0000").put("updated", "2026-11-26T09:00:00.000+0000");
      fields.putObject("priority").put("name", "High");
      fields.putObject("project").put("key", "SYNC");
      fields.putObject("reporter").put("accountId", "acc-ada").put("displayName", "Ada");
      ObjectNode customer = JSON.createObjectNode().put("id", key.substring(5) + "1").put("body", "VPN drops")
          .put("public", true);
      customer.putObject("author").put("accountId", "acc-ada");
      customer.putObject("created").put("iso8601", "2026-11-20T10:00:00+0000");
      ObjectNode internal = JSON.createObjectNode().put("id", key.substring(5) + "2").put("body", "rekey bug?")
          .put("public", false);
      internal.putObject("author").put("accountId", "acc-bob");
      FAKE.seedJira(issue, List.of(customer, internal));
    }

    sync.sync("jira", Instant.now().minus(Duration.ofDays(30)), TicketSync.Progress.NONE);

    for (String key : keys) {
      JsonNode ticket = awaitTicket("jira", key, t -> t.get("messages").size() == 1);
      assertThat(ticket.get("priority").asText()).isEqualTo("P2");
      assertThat(ticket.get("messages").get(0).get("role").asText()).isEqualTo("customer");
    }
  }

  @Test
  void zammadTicketsComeBackWithTheirArticles() {
    String id = number();
    ObjectNode ticket = JSON.createObjectNode().put("id", Long.parseLong(id)).put("title", "Printer " + id)
        .put("state", "open").put("priority", "3 high").put("owner_id", 5).put("customer_id", 42)
        .put("organization_id", 7).put("created_at", "2026-11-20T09:00:00Z").put("updated_at", "2026-11-26T09:00:00Z");
    ObjectNode article = JSON.createObjectNode().put("id", Long.parseLong(id) * 10).put("sender", "Customer")
        .put("internal", false).put("content_type", "text/html").put("body", "<p>Queue stuck</p>")
        .put("created_at", "2026-11-20T09:00:10Z");
    FAKE.seedZammad(ticket, List.of(article));

    sync.sync("zammad", Instant.now().minus(Duration.ofDays(30)), TicketSync.Progress.NONE);

    JsonNode synced = awaitTicket("zammad", id, t -> t.get("messages").size() == 1
        && t.get("assignee") != null && !t.get("assignee").isNull());
    assertThat(synced.get("messages").get(0).get("text").asText()).isEqualTo("Queue stuck");
    assertThat(synced.get("priority").asText()).isEqualTo("P2");
    assertThat(synced.get("assignee").get("id").asText()).isEqualTo("5");
  }

  @Test
  void aSystemWithoutItsApiCannotBeSynced() {
    assertThatThrownBy(() -> sync.sync("desk", Instant.now(), TicketSync.Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not configured");
  }

  @Test
  void theSyncEndpointStreamsATicketPerLineThenTheSummary_forAdminsOnly() throws Exception {
    String id = number();
    FAKE.seedZendesk(zendeskTicket(id), List.of(zendeskComment(Long.parseLong(id) * 10 + 1, 7001, "Hello")),
        List.of(JSON.createObjectNode().put("id", 7001).put("name", "Ada").put("role", "end-user")));

    VigilHttp.Response answer = http.postAsAdmin("/api/v1/sync/zendesk?since=30d", null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/x-ndjson"));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : answer.body().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines.stream().filter(l -> l.has("ticket")).map(l -> l.get("ticket").asText())).contains(id);
    JsonNode summary = lines.get(lines.size() - 1).get("summary");
    assertThat(summary.get("source").asText()).isEqualTo("zendesk");
    assertThat(summary.get("tickets").asInt()).isPositive();

    assertThat(http.post("/api/v1/sync/zendesk", null, "andy", "andy-pw").status()).as("analysts").isEqualTo(403);
    assertThat(http.postAsAdmin("/api/v1/sync/zendesk?since=yesterday", null).status()).isEqualTo(400);
    assertThat(http.postAsAdmin("/api/v1/sync/freshdesk", null).json().get("message").asText())
        .contains("not configured");
  }
}
