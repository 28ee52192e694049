package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Per system, both ways on the embedded application: a signed native webhook creates the ticket, the customer asks
 * a question Vigil knows, the analyst adopts the suggestion, exactly one public reply reaches the system's (fake)
 * API; that reply, echoed back by the system's webhook, is recognised and applied once: no new message, no new
 * suggestion, no second write.
 */
class ConnectorEndToEndTest extends ConnectorApiTest {
  private static final String ANSWER = "Open Profile > Security, choose Enable two-factor and scan the QR code";

  /** A native delivery ready to send: path segment, headers (signed) and body. */
  private record Native(String source, Map<String, String> headers, byte[] body) {}

  private static Native signed(String source, Map<String, String> headers, ObjectNode payload) {
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> all = new HashMap<>(headers);
    all.putAll(switch (source) {
      case "zendesk" -> ZendeskPayloads.sign(body, ConnectorVigilTest.SECRET, Instant.now());
      case "jira" -> JiraPayloads.sign(body, ConnectorVigilTest.SECRET);
      case "zammad" -> ZammadPayloads.sign(body, ConnectorVigilTest.SECRET);
      default -> GitHubPayloads.sign(body, ConnectorVigilTest.SECRET);
    });
    all.put("Content-Type", "application/json");
    return new Native(source, all, body);
  }

  private String knownQuestion() {
    String marker = UUID.randomUUID().toString().substring(0, 6);
    VigilHttp.Response imported = http.postAsAdmin("/api/v1/knowledge/import?source=faq.jsonl",
        "[{\"question\":\"How do I enable two-factor login for the xq" + marker + " console?\","
            + "\"answer\":\"" + ANSWER + " with an authenticator app.\"}]");
    assertThat(imported.status()).isEqualTo(200);
    return "Hello, how can I turn on 2FA sign-in for my xq" + marker + " console account?";
  }

  private static String number() {
    return String.valueOf(200_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 700_000));
  }

  private void roundTrip(String source, String ticketId, List<Native> opening,
      java.util.function.BiFunction<String, String, Native> echoOf) {
    for (Native delivery : opening) {
      VigilHttp.Response response = hooks.post(delivery.source(), delivery.headers(), delivery.body());
      assertThat(response.status()).as(response.body()).isEqualTo(202);
    }
    awaitTicket(source, ticketId, t -> t.get("suggestions").size() == 1);

    VigilHttp.Response adopted = http.postAsAdmin(ticketPath(source, ticketId, "/suggestions/S1/adopt"), null);
    assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
    JsonNode delivered = awaitTicket(source, ticketId,
        t -> t.get("decisions").toString().contains("outbound delivered"));

    List<FakeVendorApi.Recorded> writes = FAKE.created(source, ticketId);
    assertThat(writes).as("public replies on the %s API", source).hasSize(1);
    FakeVendorApi.Recorded reply = writes.get(0);
    String text = adopted.json().get("messages").get(1).get("text").asText();
    assertThat(text).startsWith(ANSWER);

    // the system echoes Vigil's reply back as a new staff comment
    Native echo = echoOf.apply(reply.createdId(), text);
    VigilHttp.Response echoed = hooks.post(echo.source(), echo.headers(), echo.body());
    assertThat(echoed.status()).isEqualTo(202);
    assertThat(echoed.json().get("echoes").asInt()).as(echoed.body()).isEqualTo(1);
    assertThat(echoed.json().get("delivered").asInt()).isZero();

    // an echo applied by mistake would show within the assistant's batch window
    assertStays(source, ticketId, Duration.ofMillis(1_500), after -> after.get("messages").size() == 2
        && after.get("suggestions").size() == 1
        && after.get("eventsApplied").asLong() == delivered.get("eventsApplied").asLong());
    assertThat(FAKE.created(source, ticketId)).hasSize(1);
  }

  @Test
  void zendesk() {
    String question = knownQuestion();
    String id = number();
    roundTrip("zendesk", id, List.of(
        signed("zendesk", Map.of(), ZendeskPayloads.event(id, "created")),
        signed("zendesk", Map.of(), ZendeskPayloads.comment(id, 61_001, question, true, false, "7001"))),
        (commentId, text) -> signed("zendesk", Map.of(),
            ZendeskPayloads.comment(id, Long.parseLong(commentId), text, true, true, "9001")));
  }

  @Test
  void jira() {
    String question = knownQuestion();
    String key = "SUP-" + number();
    roundTrip("jira", key, List.of(
        signed("jira", JiraPayloads.delivery(), JiraPayloads.event(key, "jira:issue_created")),
        signed("jira", JiraPayloads.delivery(), JiraPayloads.comment(key, "61002", question,
            JiraPayloads.REPORTER, true))),
        (commentId, text) -> signed("jira", JiraPayloads.delivery(), JiraPayloads.comment(key, commentId, text,
            JiraPayloads.AGENT, true)));
  }

  @Test
  void zammad() {
    String question = knownQuestion();
    String id = number();
    ObjectNode first = ZammadPayloads.withArticle(ZammadPayloads.ticket(id, "new", "2 normal", "1"), 61_003,
        "Customer", false, "<p>" + question + "</p>");
    roundTrip("zammad", id, List.of(signed("zammad", ZammadPayloads.delivery(), first)),
        (commentId, text) -> signed("zammad", ZammadPayloads.delivery(), ZammadPayloads.withArticle(
            ZammadPayloads.ticket(id, "open", "2 normal", "1"), Long.parseLong(commentId), "Agent", false,
            text)));
  }

  @Test
  void github() {
    String question = knownQuestion();
    String repo = "repo-" + number();
    ObjectNode opened = GitHubPayloads.example("issues.opened");
    ((ObjectNode) opened.get("repository")).put("name", repo);
    ObjectNode asked = GitHubPayloads.example("issue_comment.created");
    ((ObjectNode) asked.get("repository")).put("name", repo);
    ((ObjectNode) asked.get("comment")).put("body", question);
    String ticketId = "Codertocat:" + repo + "#1";
    roundTrip("github", ticketId, List.of(
        signed("github", GitHubPayloads.headers("issues"), opened),
        signed("github", GitHubPayloads.headers("issue_comment"), asked)),
        (commentId, text) -> {
          ObjectNode echo = GitHubPayloads.example("issue_comment.created");
          ((ObjectNode) echo.get("repository")).put("name", repo);
          ObjectNode comment = (ObjectNode) echo.get("comment");
          // what GitHub sends back: the body Vigil posted (marker included), by the token's account
          comment.put("id", Long.parseLong(commentId)).put("author_association", "MEMBER")
              .put("body", FAKE.created("github", ticketId).get(0).body().path("body").asText());
          ((ObjectNode) comment.get("user")).put("id", 99).put("login", "vigil-bot");
          return signed("github", GitHubPayloads.headers("issue_comment"), echo);
        });
  }
}
