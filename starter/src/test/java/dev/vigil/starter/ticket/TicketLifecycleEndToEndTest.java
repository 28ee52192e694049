package dev.vigil.starter.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Drives tickets over HTTP against the embedded stack, from {@code ticket.created} to {@code closed}. */
class TicketLifecycleEndToEndTest extends EmbeddedApiTest {
  private static String newTicketId() {
    return "E2E-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void givenWebhookAndAnalystActions_ticketGoesFromCreatedToClosed_andLearnsFromIt() throws Exception {
    String id = newTicketId();
    assertThat(http.webhook(VigilHttp.created(id, "Snapshots fail with quota error", "acme")).status())
        .isEqualTo(202);
    assertThat(http.webhook(VigilHttp.message(id, "customer", "Snapshots fail with QuotaExceeded. Why?")).status())
        .isEqualTo(202);
    http.awaitTicket(id, t -> t.get("messages").size() == 1);

    VigilHttp.Response assigned = http.postAsAdmin("/api/v1/tickets/" + id + "/assignee",
        "{\"analystId\":\"a-7\",\"name\":\"Bob Analyst\"}");
    assertThat(assigned.status()).isEqualTo(200);
    assertThat(assigned.json().get("status").asText()).isEqualTo("escalated");

    VigilHttp.Response paused = http.postAsAdmin("/api/v1/tickets/" + id + "/assistant/pause", null);
    assertThat(paused.json().get("assistantPaused").asBoolean()).isTrue();
    VigilHttp.Response resumed = http.postAsAdmin("/api/v1/tickets/" + id + "/assistant/resume", null);
    assertThat(resumed.json().get("assistantPaused").asBoolean()).isFalse();

    VigilHttp.Response priority = http.postAsAdmin("/api/v1/tickets/" + id + "/priority", "{\"priority\":\"P1\"}");
    assertThat(priority.json().get("priority").asText()).isEqualTo("P1");

    VigilHttp.Response replied = http.post("/api/v1/tickets/" + id + "/messages",
        "{\"text\":\"Raise the snapshot quota under Settings > Limits.\"}", "andy", "andy-pw");
    assertThat(replied.status()).isEqualTo(200);
    assertThat(replied.json().get("status").asText()).isEqualTo("waiting_on_customer");
    assertThat(replied.json().get("messages").get(1).get("author").asText()).isEqualTo("andy");

    VigilHttp.Response resolved = http.postAsAdmin("/api/v1/tickets/" + id + "/resolve",
        "{\"note\":\"Snapshot quota was 10; raised to 50.\"}");
    assertThat(resolved.json().get("status").asText()).isEqualTo("resolved");

    VigilHttp.Response closed = http.postAsAdmin("/api/v1/tickets/" + id + "/close", null);
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.json().get("status").asText()).isEqualTo("closed");

    JsonNode ticket = http.awaitTicket(id, t -> t.get("learning").isObject()
        && t.get("learning").get("status").asText().equals("completed"));
    assertThat(ticket.get("learning").get("workflowId").asText()).isEqualTo("learning:desk:" + id + ":1");
    assertThat(ticket.get("decisions").toString()).contains("assistant paused", "assistant resumed",
        "learning started");
    assertThat(ticket.get("nextCheckInAt").isNull()).isTrue();
    for (String field : new String[] {"ticketId", "status", "priority", "assignee", "messages", "suggestions",
        "decisions"}) {
      assertThat(ticket.has(field)).as(field).isTrue();
    }
    assertThat(ticket.get("decisions").get(0).has("at")).isTrue();
    assertThat(ticket.get("decisions").get(0).has("action")).isTrue();
    assertThat(ticket.get("decisions").get(0).has("reason")).isTrue();

    JsonNode learned = http.getAsAdmin("/api/v1/knowledge?tenant=acme&q=snapshots+fail+quota+error").json();
    // learned anew, or merged into the entry an earlier run of this test learned from the same question
    assertThat(learned.get("hits").findValues("entry")).as("an entry learned from the ticket")
        .anySatisfy(entry -> {
          assertThat(entry.get("provenance").get("ticketIds").toString()).contains(id);
          assertThat(entry.get("answer").asText()).containsIgnoringCase("snapshot quota");
        });

    // a closed ticket refuses further actions with the reason
    VigilHttp.Response again = http.postAsAdmin("/api/v1/tickets/" + id + "/priority", "{\"priority\":\"P2\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("closed");
  }

  @Test
  void ticketsAreListedAndFiltered() {
    String first = newTicketId();
    String second = newTicketId();
    http.webhook(VigilHttp.created(first, "List me", "globex"));
    http.webhook(VigilHttp.created(second, "List me too", "globex"));
    var assigned = VigilHttp.event("ticket.assigned", second);
    assigned.putObject("analyst").put("id", "lister").put("name", "Lister");
    http.webhook(assigned);
    http.awaitTicket(second, t -> t.get("assignee").isObject());

    JsonNode list = await("both globex tickets listed").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> http.getAsAdmin("/api/v1/tickets?tenant=globex").json(), l -> l.get("tickets").size() >= 2);
    assertThat(list.get("listedBy").asText()).isEqualTo("basic");
    assertThat(list.get("tickets").findValuesAsText("ticketId")).contains(first, second);

    JsonNode byAssignee = http.getAsAdmin("/api/v1/tickets?assignee=lister").json();
    assertThat(byAssignee.get("tickets").findValuesAsText("ticketId")).containsExactly(second);
    assertThat(byAssignee.get("tickets").get(0).get("status").asText()).isEqualTo("escalated");
    assertThat(byAssignee.get("tickets").get(0).get("subject").asText()).isEqualTo("List me too");

    JsonNode escalatedP2 = http.getAsAdmin("/api/v1/tickets?status=escalated&priority=P2&tenant=globex").json();
    assertThat(escalatedP2.get("tickets").findValuesAsText("ticketId")).containsExactly(second);

    assertThat(http.getAsAdmin("/api/v1/tickets?status=sleeping").status()).isEqualTo(400);
  }

  @Test
  void unknownTicketIs404_andRolesAreEnforced() {
    assertThat(http.getAsAdmin("/api/v1/tickets/NOPE-" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/tickets", null, null).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/tickets", "admin", "wrong").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/tickets", "olive", "olive-pw").status()).isEqualTo(200);

    String id = newTicketId();
    http.webhook(VigilHttp.created(id, "Roles", "acme"));
    http.awaitTicket(id, t -> t.get("status").asText().equals("triaged"));
    assertThat(http.post("/api/v1/tickets/" + id + "/close", null, "olive", "olive-pw").status())
        .as("operators read but do not act").isEqualTo(403);
    assertThat(http.postAsAdmin("/api/v1/tickets/" + id + "/messages", "{\"text\":\"\"}").status()).isEqualTo(400);
  }

  @Test
  void openApiDocumentsTheApi_forSignedInUsers() {
    assertThat(http.get("/v3/api-docs", null, null).status()).isEqualTo(401);
    VigilHttp.Response docs = http.getAsAdmin("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/v1/tickets/{ticketId}/resolve", "/api/v1/webhooks/tickets");
  }

  @Test
  void healthIsUpAndPublic() {
    VigilHttp.Response health = http.get("/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void anIdempotencyKeyReusedForAnotherAction_is422_andTheRetryOfTheSameActionIsOk() {
    String id = newTicketId();
    http.webhook(VigilHttp.created(id, "Key reuse", "acme"));
    http.awaitTicket(id, t -> t.get("eventsApplied").asInt() == 1);
    String path = "/api/v1/tickets/" + id + "/assistant/";

    assertThat(postWithKey(path + "pause", "k-1").status()).isEqualTo(200);
    assertThat(postWithKey(path + "pause", "k-1").status()).as("the same action again").isEqualTo(200);
    VigilHttp.Response conflict = postWithKey(path + "resume", "k-1");
    assertThat(conflict.status()).isEqualTo(422);
    assertThat(conflict.json().get("error").asText()).isEqualTo("idempotency_key_conflict");
    assertThat(conflict.json().get("message").asText()).contains("already used for a different action");
    assertThat(http.getAsAdmin("/api/v1/tickets/" + id).json().get("assistantPaused").asBoolean()).isTrue();
  }

  private VigilHttp.Response postWithKey(String path, String key) {
    return http.postWithHeaders(path, null, "admin", VigilHttp.ADMIN_PASSWORD, java.util.Map.of("Idempotency-Key",
        key));
  }
}
