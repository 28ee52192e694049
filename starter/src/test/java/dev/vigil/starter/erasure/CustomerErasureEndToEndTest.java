package dev.vigil.starter.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.starter.runs.WorkflowRuns;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import dev.vigil.workflows.ticket.TicketIds;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A customer's erasure over HTTP on the embedded default (the dev server, which cannot delete: runs are terminated
 * and forgotten). Ada's resolved ticket taught an entry; another entry is backed by her ticket and another
 * customer's; her second ticket is still open. After {@code DELETE /api/v1/customers/{id}?tenant=T}: her tickets and
 * their learning run answer 404 and leave the lists, the entry only she taught is gone with its history, the shared
 * entry no longer names her ticket in any version, the other customer's ticket is untouched, and the audit line
 * names no personal data.
 */
@ExtendWith(OutputCaptureExtension.class)
class CustomerErasureEndToEndTest extends EmbeddedApiTest {
  @Autowired
  KnowledgeIndex index;

  @Autowired
  WorkflowRuns runs;

  @Test
  void erasingACustomerRemovesTheirTicketsLearningAndKnowledge_andNothingElse(CapturedOutput output) {
    String marker = "er" + UUID.randomUUID().toString().substring(0, 6);
    String tenant = "tenant-" + marker;
    String resolved = "ER-" + marker + "-1";
    String open = "ER-" + marker + "-2";
    String other = "ER-" + marker + "-3";
    http.webhook(VigilHttp.created(resolved, "Webhook deliveries to " + marker + " time out", tenant));
    http.webhook(VigilHttp.message(resolved, "customer", "Our " + marker + " webhook deliveries keep timing out "
        + "after 10 seconds. Why does the " + marker + " endpoint time out?"));
    http.webhook(VigilHttp.message(resolved, "analyst", "The " + marker + " endpoint must answer within 10 "
        + "seconds: acknowledge with HTTP 200 first and process the payload asynchronously."));
    ObjectNode resolution = VigilHttp.event("ticket.resolved", resolved);
    resolution.putObject("resolution").put("note", "Acknowledge " + marker + " webhook deliveries with HTTP 200 "
        + "within 10 seconds and process the payload asynchronously.");
    http.webhook(resolution);
    http.webhook(VigilHttp.event("ticket.closed", resolved));
    http.webhook(VigilHttp.created(open, "Export of " + marker + " reports fails", tenant));
    ObjectNode otherCustomer = VigilHttp.created(other, "Login to " + marker + " loops", tenant);
    ((ObjectNode) otherCustomer.get("ticket").get("customer")).put("id", "cust-77").put("name", "Alan Turing")
        .put("email", "alan@example.com");
    http.webhook(otherCustomer);
    http.awaitTicket(open, t -> t.get("status") != null);
    http.awaitTicket(other, t -> t.get("status") != null);

    String learnedId = await("the entry learned from Ada's ticket").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> index.idsLearnedFrom(List.of(resolved)).stream().findFirst().orElse(null), Objects::nonNull);
    String learning = TicketIds.learningWorkflowId(TicketIds.workflowId("desk", resolved), 1);
    KnowledgeEntry shared = index.upsert(KnowledgeEntry.draft("shared-" + marker, EntryKind.QA,
        "How do I export " + marker + " reports?", "Use the CSV export.", null, List.of(), tenant,
        new Provenance(List.of(resolved, other), List.of("m-" + marker), null), EntryStatus.ACTIVE)
        .withChange(new EntryChange("learned", "learned from ticket " + resolved + " and ticket " + other,
            "learning", null)), 0);

    assertThat(http.delete("/api/v1/customers/cust-42?tenant=" + tenant, "andy", "andy-pw").status())
        .as("analysts cannot erase").isEqualTo(403);
    assertThat(http.delete("/api/v1/customers/cust-42?tenant=" + tenant, "olive", "olive-pw").status())
        .as("operators cannot erase").isEqualTo(403);

    VigilHttp.Response erased = http.deleteAsAdmin("/api/v1/customers/cust-42?tenant=" + tenant);

    assertThat(erased.status()).isEqualTo(200);
    JsonNode report = erased.json();
    assertThat(report.get("tickets").asInt()).isEqualTo(2);
    assertThat(report.get("learningRuns").asInt()).isEqualTo(1);
    assertThat(report.get("runsRemoved").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(report.get("knowledgeDeleted").toString()).contains(learnedId);
    assertThat(report.get("knowledgeScrubbed").toString()).contains(shared.id());
    assertThat(report.get("mechanism").asText()).isEqualTo("dev-server");

    assertThat(http.getAsAdmin("/api/v1/tickets/" + resolved).status()).isEqualTo(404);
    assertThat(http.getAsAdmin("/api/v1/tickets/" + open).status()).isEqualTo(404);
    assertThat(http.postAsAdmin("/api/v1/tickets/" + open + "/assistant/pause", null).status()).isEqualTo(404);
    assertThat(http.getAsAdmin("/api/v1/tickets?tenant=" + tenant + "&limit=1000").body())
        .doesNotContain(resolved).doesNotContain(open).contains(other);
    assertThat(runs.removed(learning)).as("the learning run is forgotten too").isTrue();
    assertThat(http.getAsAdmin("/api/v1/knowledge/" + learnedId).status()).isEqualTo(404);
    assertThat(index.history(learnedId)).isEmpty();
    assertThat(index.history(shared.id())).isNotEmpty().allSatisfy(v -> {
      assertThat(v.provenance().ticketIds()).containsExactly(other);
      assertThat(v.change().reason()).doesNotContain(resolved);
    });
    assertThat(http.getAsAdmin("/api/v1/tickets/" + other).status()).as("another customer's ticket").isEqualTo(200);

    String audit = output.getAll().lines().filter(l -> l.contains("erasure id=")).findFirst().orElseThrow();
    assertThat(audit).contains("tenant=" + tenant, "tickets=2", learnedId)
        .doesNotContain("cust-42", "Ada", "ada@example.com", resolved, open);

    VigilHttp.Response again = http.deleteAsAdmin("/api/v1/customers/cust-42?tenant=" + tenant);
    assertThat(again.json().get("tickets").asInt()).as("nothing left to erase").isZero();

    // the customer writes again: a new ticket under the same id starts from nothing, and is visible
    http.webhook(VigilHttp.created(open, "Export still fails", tenant));
    JsonNode fresh = http.awaitTicket(open, t -> t.get("status") != null);
    assertThat(fresh.get("subject").asText()).isEqualTo("Export still fails");
  }

  @Test
  void anAdminHardDeletesAKnowledgeEntryWithItsHistory(CapturedOutput output) {
    String id = http.postAsAdmin("/api/v1/knowledge", """
        {"question":"How do I connect the agent?","answer":"Use token sk-live-abc123 for now.","scope":"global"}
        """).json().get("id").asText();
    http.postAsAdmin("/api/v1/knowledge/" + id + "/retire?version=1", null);

    assertThat(http.delete("/api/v1/knowledge/" + id, "andy", "andy-pw").status()).isEqualTo(403);
    VigilHttp.Response deleted = http.deleteAsAdmin("/api/v1/knowledge/" + id);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("versionsDeleted").asInt()).isEqualTo(2);
    assertThat(http.getAsAdmin("/api/v1/knowledge/" + id).status()).isEqualTo(404);
    assertThat(index.history(id)).isEmpty();
    assertThat(http.deleteAsAdmin("/api/v1/knowledge/" + id).status()).isEqualTo(404);
    assertThat(output.getAll()).contains("knowledge-deleted id=" + id + " scope=global versions=2 by=admin");
  }
}
