package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.github.GitHubPayloads;
import dev.vigil.starter.connector.jira.JiraPayloads;
import dev.vigil.starter.connector.zendesk.ZendeskPayloads;
import dev.vigil.testkit.http.VigilHttp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The native endpoints over HTTP on the embedded application: routing, identity by source, de-duplication, echoes. */
class ConnectorIntakeTest extends ConnectorApiTest {

  private static String newNumericId() {
    return String.valueOf(100_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000));
  }

  private VigilHttp.Response zendesk(ObjectNode payload) {
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(ZendeskPayloads.sign(body, ConnectorVigilTest.SECRET,
        Instant.now()));
    headers.put("Content-Type", "application/json");
    return hooks.post("zendesk", headers, body);
  }

  @Test
  void aSignedZendeskEventBecomesTicketOfThatSource_readWithTheSourceParameter() {
    String id = newNumericId();
    ObjectNode created = ZendeskPayloads.event(id, "created");
    String requester = "55" + id;
    ((ObjectNode) created.get("detail")).put("requester_id", requester);
    FAKE.seedZendeskUser(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("id", Long.parseLong(requester)).put("name", "Grace Hopper").put("email", "grace@example.com"));
    VigilHttp.Response response = zendesk(created);
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("workflowId").asText()).isEqualTo("ticket:zendesk:" + id);
    assertThat(response.json().get("delivered").asInt()).isEqualTo(1);

    JsonNode ticket = awaitTicket("zendesk", id, t -> t.get("status").asText().equals("triaged"));
    assertThat(ticket.get("source").asText()).isEqualTo("zendesk");
    assertThat(ticket.get("workflowId").asText()).isEqualTo("ticket:zendesk:" + id);
    assertThat(ticket.get("subject").asText()).isEqualTo("Backups fail with error 0x80");
    assertThat(ticket.get("customer").get("name").asText()).as("looked up by API").isEqualTo("Grace Hopper");
    assertThat(ticket.get("customer").get("email").asText()).isEqualTo("grace@example.com");
    assertThat(ticket.get("customer").get("tenant").asText()).isEqualTo("acme");
    assertThat(ticket.get("statusUrl").asText()).as("the status link names the source")
        .contains("/status/" + id + "?source=zendesk&token=");
    // the default source (desk) has no such ticket
    assertThat(http.getAsAdmin("/api/v1/tickets/" + id).status()).isEqualTo(404);
  }

  @Test
  void aWrongOrMissingSignatureIs401_andAnUnknownSource404() {
    byte[] body = ZendeskPayloads.event(newNumericId(), "created").toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> wrong = new HashMap<>(ZendeskPayloads.sign(body, "not-the-secret", Instant.now()));
    assertThat(hooks.post("zendesk", wrong, body).status()).isEqualTo(401);
    assertThat(hooks.post("zendesk", Map.of(), body).json().get("error").asText()).isEqualTo("invalid_signature");
    assertThat(hooks.post("jira", Map.of(), body).status()).isEqualTo(401);
    VigilHttp.Response unknown = hooks.post("freshdesk", Map.of(), body);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_source");
  }

  @Test
  void theSameDeliveryTwiceAppliesOnce() {
    String id = newNumericId();
    zendesk(ZendeskPayloads.event(id, "created"));
    ObjectNode comment = ZendeskPayloads.comment(id, 77_001, "Still failing", true, false, "7001");
    assertThat(zendesk(comment).status()).isEqualTo(202);
    assertThat(zendesk(comment).status()).isEqualTo(202);
    JsonNode ticket = awaitTicket("zendesk", id, t -> t.get("duplicateEventsIgnored").asLong() == 1);
    assertThat(ticket.get("messages")).hasSize(1);
  }

  @Test
  void severalSourcesAtOnce_theListFiltersBySource() {
    String zendeskId = newNumericId();
    zendesk(ZendeskPayloads.event(zendeskId, "created"));
    String key = "SUP-" + newNumericId();
    byte[] jira = JiraPayloads.event(key, "jira:issue_created").toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(JiraPayloads.sign(jira, ConnectorVigilTest.SECRET));
    headers.putAll(JiraPayloads.delivery());
    assertThat(hooks.post("jira", headers, jira).status()).isEqualTo(202);
    awaitTicket("jira", key, t -> t.get("status").asText().equals("triaged"));
    awaitTicket("zendesk", zendeskId, t -> t.get("status").asText().equals("triaged"));

    JsonNode jiraOnly = http.getAsAdmin("/api/v1/tickets?source=jira&limit=1000").json().get("tickets");
    assertThat(jiraOnly.findValuesAsText("source")).containsOnly("jira");
    assertThat(jiraOnly.findValuesAsText("ticketId")).contains(key).doesNotContain(zendeskId);
    assertThat(http.getAsAdmin("/api/v1/tickets?source=Not_A_Source").status()).isEqualTo(400);
  }

  @Test
  void anEchoOfVigilsOwnPostIsDropped_byTheReturnedIdOrTheMarker() {
    String id = newNumericId();
    zendesk(ZendeskPayloads.event(id, "created"));
    sent.recordId("zendesk", id, "88001");
    VigilHttp.Response echo = zendesk(ZendeskPayloads.comment(id, 88_001, "Please update the agent", true, true,
        "8001"));
    assertThat(echo.status()).isEqualTo(202);
    assertThat(echo.json().get("echoes").asInt()).isEqualTo(1);
    assertThat(echo.json().get("delivered").asInt()).isZero();

    byte[] body = GitHubPayloads.example("issue_comment.created").toString()
        .replace("You are totally right! I'll get this fixed right away.",
            "Fixed in 1.2 <!-- vigil:ticket:github:x/1 -->")
        .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(GitHubPayloads.sign(body, ConnectorVigilTest.SECRET));
    headers.putAll(GitHubPayloads.headers("issue_comment"));
    assertThat(hooks.post("github", headers, body).json().get("echoes").asInt()).isEqualTo(1);

    JsonNode ticket = awaitTicket("zendesk", id, t -> t.get("eventsApplied").asLong() == 1);
    assertThat(ticket.get("messages")).isEmpty();
  }

  @Test
  void theGenericEndpointTakesTheStaticBearerTokenInsteadOfTheSignature() {
    String id = "TOK-" + newNumericId();
    byte[] body = VigilHttp.created(id, "Sent by a template", "acme").toString().getBytes(StandardCharsets.UTF_8);
    assertThat(hooks.post("tickets", Map.of("Content-Type", "application/json",
        "Authorization", "Bearer " + ConnectorVigilTest.TOKEN), body).status()).isEqualTo(202);
    VigilHttp.Response wrong = hooks.post("tickets", Map.of("Content-Type", "application/json",
        "Authorization", "Bearer not-" + ConnectorVigilTest.TOKEN), body);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_signature");
    http.awaitTicket(id, t -> t.get("subject").asText().equals("Sent by a template"));
  }

  @Test
  void aSignedBodyThatIsNotThePayloadIs400NamingTheField_andAnOversizedOne413() {
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(ZendeskPayloads.sign(notJson, ConnectorVigilTest.SECRET,
        Instant.now()));
    VigilHttp.Response broken = hooks.post("zendesk", headers, notJson);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("field").asText()).isEqualTo("$");

    byte[] noTicket = "{\"type\":\"zen:event-type:ticket.created\",\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
    headers = new HashMap<>(ZendeskPayloads.sign(noTicket, ConnectorVigilTest.SECRET, Instant.now()));
    VigilHttp.Response missing = hooks.post("zendesk", headers, noTicket);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("detail.id");

    byte[] huge = ("{\"x\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(hooks.post("github", Map.of("Content-Type", "application/json"), huge).status()).isEqualTo(413);
  }
}
