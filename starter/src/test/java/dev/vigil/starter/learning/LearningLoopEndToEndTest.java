package dev.vigil.starter.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The learning loop over HTTP on the embedded default: a customer asks something Vigil does not know, an analyst
 * answers, the ticket is resolved and closed → within 30 s the knowledge API finds a new entry learned from that
 * ticket, with no email address or API key from the dialogue → another customer of the same tenant asking a
 * paraphrase gets a suggestion citing it; and the learned entry can be reverted through the API.
 */
class LearningLoopEndToEndTest extends EmbeddedApiTest {
  private static final String EMAIL = "grace.hopper@cobol.example";
  private static final String KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9XbK2mQz";

  @Test
  void aResolvedTicketBecomesKnowledge_thatAnswersTheNextCustomer() {
    String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
    // a tenant of its own: what this test learns is private to it, and earlier runs' entries are invisible to it
    String tenant = "tenant-" + marker;
    String first = "LL-" + UUID.randomUUID().toString().substring(0, 8);
    http.webhook(VigilHttp.created(first, "Webhook deliveries to " + marker + " time out", tenant));
    http.webhook(VigilHttp.message(first, "customer", "Hi, our " + marker + " webhook deliveries keep timing out "
        + "after 10 seconds. Why does the " + marker + " endpoint time out? My email is " + EMAIL
        + " and the key we use is " + KEY + "."));
    JsonNode silent = http.awaitTicket(first, t -> t.get("decisions").toString().contains("\"action\":\"silent\""));
    assertThat(silent.get("suggestions")).as("nothing known yet").isEmpty();
    http.webhook(VigilHttp.message(first, "analyst", "Hello Ada, the " + marker + " endpoint must answer within "
        + "10 seconds: acknowledge the delivery with HTTP 200 first and process the payload asynchronously in a "
        + "queue. Best regards, Bob"));
    ObjectNode resolved = VigilHttp.event("ticket.resolved", first);
    resolved.putObject("resolution").put("note", "Acknowledge " + marker + " webhook deliveries with HTTP 200 "
        + "within 10 seconds and process the payload asynchronously, e.g. from a queue.");
    http.webhook(resolved);
    http.webhook(VigilHttp.event("ticket.closed", first));

    String query = URLEncoder.encode(marker + " webhook endpoint times out", StandardCharsets.UTF_8);
    // a search without a tenant sees global entries only: the learned one is private to acme
    JsonNode learned = await("a learned entry with the ticket in its provenance").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> {
          JsonNode found = null;
          for (JsonNode hit : http.getAsAdmin("/api/v1/knowledge?q=" + query + "&tenant=" + tenant).json()
              .get("hits")) {
            if (hit.get("entry").get("provenance").get("ticketIds").toString().contains(first)) {
              found = hit.get("entry");
            }
          }
          return found;
        }, Objects::nonNull);
    assertThat(learned.get("kind").asText()).isEqualTo("qa");
    assertThat(learned.get("scope").asText()).isEqualTo(tenant);
    assertThat(learned.get("answer").asText()).contains("HTTP 200").doesNotContain("Best regards");
    String stored = http.getAsAdmin("/api/v1/knowledge/" + learned.get("id").asText()).body();
    assertThat(stored).doesNotContain(EMAIL).doesNotContain(KEY).doesNotContain("Ada").contains("\"learned\"");
    assertThat(http.getAsAdmin("/api/v1/knowledge?q=" + query).json().get("hits").toString())
        .as("another tenant (or none) does not see the tenant's learned entry").doesNotContain(learned.get("id").asText());

    String second = "LL-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode created = VigilHttp.created(second, "Deliveries failing", tenant);
    ((ObjectNode) created.get("ticket").get("customer")).put("id", "cust-77").put("name", "Alan Turing")
        .put("email", "alan@example.com");
    http.webhook(created);
    http.webhook(VigilHttp.message(second, "customer", "Why do deliveries to our " + marker
        + " webhook endpoint time out?"));
    JsonNode answered = http.awaitTicket(second, t -> t.get("suggestions").size() == 1);
    assertThat(answered.get("suggestions").get(0).get("citations").get(0).asText())
        .isEqualTo(learned.get("id").asText());

    String id = learned.get("id").asText();
    long version = learned.get("version").asLong();
    assertThat(http.postAsAdmin("/api/v1/knowledge/" + id + "/retire?version=" + version, null).status())
        .isEqualTo(200);
    JsonNode reverted = http.postAsAdmin("/api/v1/knowledge/" + id + "/revert?version=" + version, null).json();
    assertThat(reverted.get("status").asText()).isEqualTo("active");
    assertThat(reverted.get("version").asLong()).isEqualTo(version + 2);
    assertThat(reverted.get("change").get("action").asText()).isEqualTo("reverted");
    assertThat(http.postAsAdmin("/api/v1/knowledge/" + id + "/revert?version=" + (version + 5), null).status())
        .isEqualTo(400);
  }
}
