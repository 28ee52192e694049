package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.connector.StateField;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.starter.connector.github.GitHubPayloads;
import dev.vigil.starter.connector.jira.JiraPayloads;
import dev.vigil.starter.connector.zammad.ZammadPayloads;
import dev.vigil.starter.connector.zendesk.ZendeskPayloads;
import dev.vigil.testkit.http.VigilHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes made in Vigil written back, end to end on the embedded application, for each of the four systems: a
 * ticket arrives by the system's signed webhook, an analyst assigns, re-prioritises, resolves or closes it in Vigil's
 * API, the system's (fake) API receives each change once; the system's webhook reporting those changes back is
 * recognised as their echo and changes nothing in Vigil; a change made in the system is applied in Vigil and never
 * written back to it.
 */
class ConnectorWriteBackEndToEndTest extends ConnectorApiTest {
  @Autowired
  StateWrites writes;

  private static String number() {
    return String.valueOf(200_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 700_000));
  }

  private VigilHttp.Response deliver(String source, ObjectNode payload, Map<String, String> extraHeaders) {
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(extraHeaders);
    headers.putAll(switch (source) {
      case "zendesk" -> ZendeskPayloads.sign(body, ConnectorVigilTest.SECRET, Instant.now());
      case "jira" -> JiraPayloads.sign(body, ConnectorVigilTest.SECRET);
      case "zammad" -> ZammadPayloads.sign(body, ConnectorVigilTest.SECRET);
      default -> GitHubPayloads.sign(body, ConnectorVigilTest.SECRET);
    });
    headers.put("Content-Type", "application/json");
    VigilHttp.Response response = hooks.post(source, headers, body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    return response;
  }

  private void act(String source, String ticketId, String action, String body) {
    VigilHttp.Response response = http.postAsAdmin(ticketPath(source, ticketId, action), body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** Waits until the system's API received {@code count} ticket updates, and returns them. */
  private List<FakeVendorApi.Recorded> awaitChanges(String source, String ticketId, int count) {
    return org.awaitility.Awaitility.await(count + " updates of " + ticketId).atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> FAKE.changes(source, ticketId), changes -> changes.size() >= count);
  }

  private static void assertEcho(VigilHttp.Response response) {
    assertThat(response.json().get("echoes").asInt()).as(response.body()).isEqualTo(1);
    assertThat(response.json().get("delivered").asInt()).as(response.body()).isZero();
  }

  @Test
  void zendesk_changesGoToTheTicket_theirEchoesAreDropped_andTheSystemsOwnChangesStayThere() {
    String id = number();
    deliver("zendesk", ZendeskPayloads.event(id, "created"), Map.of());
    awaitTicket("zendesk", id, t -> t.get("status") != null);

    act("zendesk", id, "/assignee", "{\"analystId\":\"andy\"}");
    FakeVendorApi.Recorded assigned = awaitChanges("zendesk", id, 1).get(0);
    assertThat(assigned.method()).isEqualTo("PUT");
    assertThat(assigned.path()).isEqualTo("/api/v2/tickets/" + id + ".json");
    assertThat(assigned.body().path("ticket").path("assignee_id").asLong()).isEqualTo(7001);

    // Zendesk reports Vigil's assignment back
    assertEcho(deliver("zendesk", ZendeskPayloads.change(id, "agent_assignment_changed", null, "7001"), Map.of()));

    // an agent raises the priority in Zendesk: applied in Vigil, not written back
    VigilHttp.Response raised = deliver("zendesk", ZendeskPayloads.change(id, "priority_changed", "normal", "high"),
        Map.of());
    assertThat(raised.json().get("delivered").asInt()).isEqualTo(1);
    awaitTicket("zendesk", id, t -> t.get("priority").asText().equals("P2"));

    act("zendesk", id, "/resolve", "{\"note\":\"Rotated the backup agent's credentials.\"}");
    List<FakeVendorApi.Recorded> changes = awaitChanges("zendesk", id, 2);
    assertThat(changes.get(1).body().path("ticket").path("status").asText()).isEqualTo("solved");
    assertThat(FAKE.created("zendesk", id)).singleElement().satisfies(note -> {
      assertThat(note.body().path("ticket").path("comment").path("public").asBoolean()).isFalse();
      assertThat(note.body().path("ticket").path("comment").path("body").asText())
          .isEqualTo("Rotated the backup agent's credentials.");
    });
    assertEcho(deliver("zendesk", ZendeskPayloads.change(id, "status_changed", "open", "solved"), Map.of()));

    JsonNode settled = awaitTicket("zendesk", id, t -> t.get("decisions").toString().split("outbound delivered",
        -1).length - 1 == 2);
    assertStays("zendesk", id, Duration.ofMillis(1_500), t -> t.get("status").asText().equals("resolved")
        && t.get("assignee").get("id").asText().equals("andy")
        && t.get("eventsApplied").asLong() == settled.get("eventsApplied").asLong());
    assertThat(FAKE.changes("zendesk", id)).as("assignment and resolution, nothing for the priority").hasSize(2);
  }

  /** Production runs the intake and the worker in separate processes, which do not share the ledger. */
  @Test
  void anIntakeWithoutTheWorkersLedger_stillKeepsTheAnalystAndPriorityItWrote() {
    String id = number();
    deliver("zendesk", ZendeskPayloads.event(id, "created"), Map.of());
    awaitTicket("zendesk", id, t -> t.get("status") != null);
    act("zendesk", id, "/assignee", "{\"analystId\":\"andy\"}");
    act("zendesk", id, "/priority", "{\"priority\":\"P1\"}");
    awaitChanges("zendesk", id, 2);
    writes.forget("zendesk", id, StateField.ASSIGNEE);
    writes.forget("zendesk", id, StateField.PRIORITY);

    assertEcho(deliver("zendesk", ZendeskPayloads.change(id, "agent_assignment_changed", null, "7001"), Map.of()));
    assertEcho(deliver("zendesk", ZendeskPayloads.change(id, "priority_changed", "normal", "urgent"), Map.of()));
    assertThat(http.getAsAdmin(ticketPath("zendesk", id, "")).json().get("assignee").get("id").asText())
        .isEqualTo("andy");
  }

  @Test
  void zammad_whichReportsItsWholeStateWithEveryDelivery_doesNotUndoVigilsChanges() {
    String id = number();
    deliver("zammad", ZammadPayloads.ticket(id, "new", "2 normal", "1"), ZammadPayloads.delivery());
    awaitTicket("zammad", id, t -> t.get("status") != null);

    act("zammad", id, "/priority", "{\"priority\":\"P1\"}");
    assertThat(awaitChanges("zammad", id, 1).get(0).body().path("priority").asText()).isEqualTo("3 high");
    act("zammad", id, "/assignee", "{\"analystId\":\"andy\"}");
    assertThat(awaitChanges("zammad", id, 2).get(1).body().path("owner_id").asLong()).isEqualTo(5);

    // Zammad's next deliveries carry 3 high (which reads as P2) and owner 5: Vigil's own changes, twice
    for (int i = 0; i < 2; i++) {
      VigilHttp.Response echoed = deliver("zammad", ZammadPayloads.ticket(id, "open", "3 high", "5"),
          ZammadPayloads.delivery());
      assertThat(echoed.json().get("echoes").asInt()).as(echoed.body()).isEqualTo(2);
      assertThat(echoed.json().get("delivered").asInt()).isZero();
    }

    act("zammad", id, "/resolve", "{}");
    assertThat(awaitChanges("zammad", id, 3).get(2).body().path("state").asText()).isEqualTo("closed");
    VigilHttp.Response closed = deliver("zammad", ZammadPayloads.ticket(id, "closed", "3 high", "5"),
        ZammadPayloads.delivery());
    assertThat(closed.json().get("delivered").asInt()).as(closed.body()).isZero();

    JsonNode settled = awaitTicket("zammad", id, t -> t.get("status").asText().equals("resolved"));
    assertStays("zammad", id, Duration.ofMillis(1_500), t -> t.get("status").asText().equals("resolved")
        && t.get("priority").asText().equals("P1")
        && t.get("assignee").get("id").asText().equals("andy")
        && t.get("eventsApplied").asLong() == settled.get("eventsApplied").asLong());
    assertThat(FAKE.changes("zammad", id)).hasSize(3);
  }

  @Test
  void jira_resolvesByTheWorkflowsTransition_andAPersonsCloseInJiraStillCloses() {
    String key = "SUP-" + number();
    deliver("jira", JiraPayloads.event(key, "jira:issue_created"), JiraPayloads.delivery());
    awaitTicket("jira", key, t -> t.get("status") != null);

    act("jira", key, "/assignee", "{\"analystId\":\"andy\"}");
    FakeVendorApi.Recorded assigned = awaitChanges("jira", key, 1).get(0);
    assertThat(assigned.path()).isEqualTo("/rest/api/3/issue/" + key + "/assignee");
    assertThat(assigned.body().path("accountId").asText()).isEqualTo(JiraPayloads.AGENT);
    assertEcho(deliver("jira", JiraPayloads.change(key, "assignee", null, null, JiraPayloads.AGENT, "Bob Agent"),
        JiraPayloads.delivery()));

    act("jira", key, "/resolve", "{}");
    assertThat(awaitChanges("jira", key, 2).get(1).body().path("transition").path("id").asText()).isEqualTo("21");
    assertThat(FAKE.jiraStatus(key)).isEqualTo("Resolved");
    assertEcho(deliver("jira", JiraPayloads.change(key, "status", "1", "Open", "5", "Resolved"),
        JiraPayloads.delivery()));

    // an agent closes the issue in Jira: a person's change, applied in Vigil and not written back
    VigilHttp.Response closed = deliver("jira", JiraPayloads.change(key, "status", "5", "Resolved", "6", "Closed"),
        JiraPayloads.delivery());
    assertThat(closed.json().get("delivered").asInt()).as(closed.body()).isEqualTo(1);
    awaitTicket("jira", key, t -> t.get("status").asText().equals("closed")
        && t.get("assignee").get("id").asText().equals("andy"));
    assertStays("jira", key, Duration.ofMillis(1_000), t -> t.get("status").asText().equals("closed"));
    assertThat(FAKE.changes("jira", key)).hasSize(2);
  }

  @Test
  void github_priorityIsALabel_andClosingIsEchoedAsCompleted() {
    String repo = "wb-" + number();
    ObjectNode opened = GitHubPayloads.example("issues.opened");
    ((ObjectNode) opened.get("repository")).put("name", repo);
    deliver("github", opened, GitHubPayloads.headers("issues"));
    String ticketId = "Codertocat:" + repo + "#1";
    awaitTicket("github", ticketId, t -> t.get("status") != null);

    act("github", ticketId, "/priority", "{\"priority\":\"P2\"}");
    FakeVendorApi.Recorded labelled = awaitChanges("github", ticketId, 1).get(0);
    assertThat(labelled.method()).isEqualTo("PATCH");
    assertThat(labelled.path()).isEqualTo("/api/v3/repos/Codertocat/" + repo + "/issues/1");
    assertThat(FAKE.githubLabels(ticketId)).containsExactly("priority: high");
    ObjectNode label = GitHubPayloads.example("issues.labeled");
    ((ObjectNode) label.get("repository")).put("name", repo);
    ((ObjectNode) label.get("label")).put("name", "priority: high");
    assertEcho(deliver("github", label, GitHubPayloads.headers("issues")));

    act("github", ticketId, "/close", null);
    FakeVendorApi.Recorded closing = awaitChanges("github", ticketId, 2).get(1);
    assertThat(closing.body().path("state").asText()).isEqualTo("closed");
    assertThat(closing.body().path("state_reason").asText()).isEqualTo("completed");
    ObjectNode closed = GitHubPayloads.closed("completed");
    ((ObjectNode) closed.get("repository")).put("name", repo);
    assertEcho(deliver("github", closed, GitHubPayloads.headers("issues")));

    JsonNode settled = awaitTicket("github", ticketId, t -> t.get("status").asText().equals("closed"));
    assertStays("github", ticketId, Duration.ofMillis(1_000), t -> t.get("priority").asText().equals("P2")
        && t.get("eventsApplied").asLong() == settled.get("eventsApplied").asLong());
    assertThat(FAKE.changes("github", ticketId)).hasSize(2);
  }
}
