package dev.vigil.starter.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The knowledge REST API on the embedded stack (Lucene index, in-process embeddings). */
class KnowledgeApiTest extends EmbeddedApiTest {
  @Test
  void importedEntriesAreFoundByAParaphrase_andReimportChangesNothing() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String batch = "[{\"question\":\"Why does the label printer " + marker + " print blank pages?\","
        + "\"answer\":\"Replace the thermal ribbon; blank pages mean it ran out.\",\"product\":\"printing\","
        + "\"tags\":[\"printer\"]},"
        + "{\"question\":\"How do I pair the barcode scanner " + marker + "?\","
        + "\"answer\":\"Scan the PAIR code on page 3 of the manual.\"},"
        + "{\"question\":\"\",\"answer\":\"no question\"}]";
    VigilHttp.Response first = http.postAsAdmin("/api/v1/knowledge/import?source=test.jsonl", batch);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("result").get("written").asInt()).isEqualTo(2);
    assertThat(first.json().get("problems")).hasSize(1);
    assertThat(first.json().get("problems").get(0).get("line").asInt()).isEqualTo(3);

    VigilHttp.Response again = http.postAsAdmin("/api/v1/knowledge/import?source=test.jsonl", batch);
    assertThat(again.json().get("result").get("written").asInt()).isZero();
    assertThat(again.json().get("result").get("unchanged").asInt()).isEqualTo(2);

    JsonNode found = http.getAsAdmin("/api/v1/knowledge?q=label+printer+" + marker + "+outputs+empty+paper")
        .json();
    JsonNode top = found.get("hits").get(0);
    assertThat(top.get("entry").get("answer").asText()).startsWith("Replace the thermal ribbon");
    assertThat(top.get("rank").asInt()).isEqualTo(1);
    assertThat(top.get("entry").get("provenance").get("importSource").asText()).isEqualTo("test.jsonl");
  }

  @Test
  void curatedEntryLifecycle_createRetireRestore_withHistoryAndVersionChecks() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    VigilHttp.Response created = http.postAsAdmin("/api/v1/knowledge",
        "{\"question\":\"Fan noise on appliance " + marker + "\",\"answer\":\"Clean the intake filter.\","
            + "\"scope\":\"acme\",\"tags\":[\"hardware\"]}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("kind").asText()).isEqualTo("custom");
    assertThat(created.json().get("version").asLong()).isEqualTo(1);
    assertThat(created.json().get("provenance").get("importSource").asText()).isEqualTo("curated by admin");

    assertThat(http.postAsAdmin("/api/v1/knowledge/" + id + "/retire?version=7", null).status()).isEqualTo(409);
    VigilHttp.Response retired = http.postAsAdmin("/api/v1/knowledge/" + id + "/retire?version=1", null);
    assertThat(retired.json().get("status").asText()).isEqualTo("retired");
    assertThat(http.postAsAdmin("/api/v1/knowledge/" + id + "/restore?version=2", null).json().get("status")
        .asText()).isEqualTo("active");

    JsonNode detail = http.getAsAdmin("/api/v1/knowledge/" + id).json();
    assertThat(detail.get("entry").get("version").asLong()).isEqualTo(3);
    assertThat(detail.get("history").findValuesAsText("status")).containsExactly("active", "retired", "active");

    // another tenant never sees acme's entry
    JsonNode globex = http.getAsAdmin("/api/v1/knowledge?q=fan+noise+appliance+" + marker + "&tenant=globex")
        .json();
    assertThat(globex.get("hits").findValuesAsText("id")).doesNotContain(id);
    JsonNode acme = http.getAsAdmin("/api/v1/knowledge?q=fan+noise+appliance+" + marker + "&tenant=acme").json();
    assertThat(acme.get("hits").get(0).get("entry").get("id").asText()).isEqualTo(id);

    JsonNode listed = http.getAsAdmin("/api/v1/knowledge?tenant=acme&kind=custom&limit=200").json();
    assertThat(listed.get("entries").findValuesAsText("id")).contains(id);
    assertThat(listed.get("total").asLong()).isPositive();
  }

  @Test
  void badRequestsAreRefusedClearly() {
    assertThat(http.getAsAdmin("/api/v1/knowledge/doc-missing").status()).isEqualTo(404);
    assertThat(http.postAsAdmin("/api/v1/knowledge", "{\"question\":\"q\"}").json().get("field").asText())
        .isEqualTo("answer");
    assertThat(http.postAsAdmin("/api/v1/knowledge", "{\"question\":\"q\",\"answer\":\"a\",\"scope\":\"../x\"}")
        .status()).isEqualTo(400);
    assertThat(http.getAsAdmin("/api/v1/knowledge?status=gone").status()).isEqualTo(400);
    assertThat(http.post("/api/v1/knowledge", "{\"question\":\"q\",\"answer\":\"a\"}", "olive", "olive-pw")
        .status()).as("operators cannot curate").isEqualTo(403);
    assertThat(http.get("/api/v1/knowledge?q=x", null, null).status()).isEqualTo(401);
  }
}
