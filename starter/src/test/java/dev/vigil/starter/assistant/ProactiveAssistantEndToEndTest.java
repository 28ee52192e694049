package dev.vigil.starter.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The embedded default without an LLM: after a FAQ import, a customer's paraphrase of a FAQ question produces a
 * suggestion citing that entry within 5 seconds; "thanks!" produces none, with the reason in the decisions.
 */
class ProactiveAssistantEndToEndTest extends EmbeddedApiTest {
  @Test
  void aParaphrasedFaqQuestionGetsASuggestionCitingTheEntry_andThanksGetsSilence() {
    String marker = UUID.randomUUID().toString().substring(0, 6);
    VigilHttp.Response imported = http.postAsAdmin("/api/v1/knowledge/import?source=faq.jsonl",
        "[{\"question\":\"How do I enable two-factor login for the xq" + marker + " console?\","
            + "\"answer\":\"Open Profile > Security, choose Enable two-factor and scan the QR code with an "
            + "authenticator app.\"},"
            + "{\"question\":\"Why do snapshots fail with QuotaExceeded?\",\"answer\":\"The project reached its "
            + "snapshot quota; delete old snapshots or raise the quota under Settings > Limits.\"}]");
    assertThat(imported.status()).isEqualTo(200);
    String entryId = http.getAsAdmin("/api/v1/knowledge?q=two-factor+xq" + marker).json()
        .get("hits").get(0).get("entry").get("id").asText();

    String id = "PA-" + UUID.randomUUID().toString().substring(0, 8);
    http.webhook(VigilHttp.created(id, "Login security", "acme"));
    long sent = System.nanoTime();
    http.webhook(VigilHttp.message(id, "customer",
        "Hello, how can I turn on 2FA sign-in for my xq" + marker + " console account?"));
    JsonNode ticket = http.awaitTicket(id, t -> t.get("suggestions").size() == 1);
    double seconds = (System.nanoTime() - sent) / 1e9;
    assertThat(seconds).as("seconds from webhook to suggestion").isLessThan(5.0);
    JsonNode suggestion = ticket.get("suggestions").get(0);
    assertThat(suggestion.get("citations").get(0).asText()).isEqualTo(entryId);
    assertThat(suggestion.get("text").asText()).startsWith("Open Profile > Security");
    assertThat(ticket.get("decisions").toString()).contains("suggested S1 to the analyst", entryId);

    assertThat(http.post("/api/v1/tickets/" + id + "/suggestions/S1/adopt", null, "olive", "olive-pw").status())
        .as("operators read but do not act").isEqualTo(403);
    VigilHttp.Response adopted = http.post("/api/v1/tickets/" + id + "/suggestions/S1/adopt", null, "andy",
        "andy-pw");
    assertThat(adopted.status()).isEqualTo(200);
    assertThat(adopted.json().get("suggestions").get(0).get("state").asText()).isEqualTo("adopted");
    JsonNode posted = adopted.json().get("messages").get(1);
    assertThat(posted.get("author").asText()).isEqualTo("andy");
    assertThat(posted.get("text").asText()).startsWith("Open Profile > Security");
    assertThat(http.post("/api/v1/tickets/" + id + "/suggestions/S1/rate", "{\"rating\":\"like\"}", "andy",
        "andy-pw").json().get("suggestions").get(0).get("rating").asText()).isEqualTo("like");
    assertThat(http.post("/api/v1/tickets/" + id + "/suggestions/S1/dismiss", null, "andy", "andy-pw").status())
        .as("an adopted suggestion cannot be dismissed").isEqualTo(409);
    assertThat(http.post("/api/v1/tickets/" + id + "/suggestions/S1/rate", "{\"rating\":\"meh\"}", "andy",
        "andy-pw").status()).isEqualTo(400);

    JsonNode recorded = http.awaitTicket(id, t -> t.get("decisions").toString().contains("outbound not sent"));
    assertThat(recorded.get("decisions").toString()).contains("VIGIL_OUTBOUND_URL is not set");

    VigilHttp.Response summary = http.postAsAdmin("/api/v1/tickets/" + id + "/summary", null);
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.json().get("overview").asText()).contains("Login security");
    assertThat(summary.json().get("decisions").toString()).contains("suggestion S1 adopted by andy");

    http.webhook(VigilHttp.message(id, "customer", "thanks!"));
    JsonNode after = http.awaitTicket(id, t -> t.get("decisions").toString().contains("thanks: nothing to help"));
    assertThat(after.get("suggestions")).hasSize(1);
    assertThat(after.get("status").asText()).isEqualTo("escalated");
    assertThat(after.get("decisions").toString()).contains("\"action\":\"silent\"");
  }
}
