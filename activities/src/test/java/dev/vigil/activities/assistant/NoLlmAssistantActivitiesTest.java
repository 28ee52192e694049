package dev.vigil.activities.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.activities.learning.KnowledgeWriter;
import dev.vigil.activities.learning.LearningSettings;
import dev.vigil.activities.learning.RuleBasedQaExtractor;
import dev.vigil.workflows.assistant.Delivery;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.ProposalOutcome;
import dev.vigil.workflows.assistant.ProposeRequest;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.UnderstandRequest;
import dev.vigil.workflows.assistant.Understanding;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.LearningCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-LLM pipeline on a real Lucene index and the real embedding model. */
class NoLlmAssistantActivitiesTest {
  @TempDir
  Path dir;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private LuceneKnowledgeIndex index;
  private NoLlmAssistantActivities assistant;

  private static KnowledgeEntry faq(String id, String scope, String question, String answer) {
    return KnowledgeEntry.draft(id, EntryKind.DOC, question, answer, null, List.of(), scope,
        Provenance.imported("test"), EntryStatus.ACTIVE);
  }

  @BeforeEach
  void open() {
    index = LuceneKnowledgeIndex.open(dir, SharedEmbedder.get(), "standard", Clock.systemUTC());
    index.bulkUpsert(List.of(
        faq("faq-password", "global", "How do I reset my password?",
            "Open Settings > Security and choose Reset password; a link is sent to your account e-mail."),
        faq("faq-quota", "global", "Why do snapshots fail with QuotaExceeded?",
            "The project reached its snapshot quota. Delete old snapshots or raise the quota under Settings > "
                + "Limits."),
        faq("acme-only", "acme", "How do I restart the acme exporter?", "Run exporter-restart on billing-7.")));
    assistant = new NoLlmAssistantActivities(index, SharedEmbedder.get(), AssistantSettings.defaults(), meters);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private Proposal ask(String question, String tenant, List<String> offered, List<String> cited) {
    Understanding u = assistant.understand(new UnderstandRequest("T-1", tenant, "Help needed", List.of(question)));
    return assistant.propose(new ProposeRequest("T-1", u.query(), tenant, null, offered, cited));
  }

  @Test
  void aParaphraseGetsTheEntrysAnswerWithItsCitation() {
    Proposal p = ask("Hi! I forgot my password, how can I change it?", "globex", List.of(), List.of());
    assertThat(p.answered()).as(p.reason()).isTrue();
    assertThat(p.citations()).containsExactly("faq-password");
    assertThat(p.text()).startsWith("Open Settings > Security");
    assertThat(p.confidence()).isGreaterThanOrEqualTo(AssistantSettings.defaults().minConfidence());
    assertThat(p.reason()).contains("faq-password", "cosine");
    assertThat(meters.get("vigil.assistant.step").tag("step", "propose").tag("outcome", "answer").timer().count())
        .isEqualTo(1);
  }

  /** Learns from a closed ticket as the learning workflow does: rule-based extraction, then the writer. */
  private List<String> learn(String ticketId, String customer, String resolution) {
    LearningSettings settings = LearningSettings.defaults();
    LearningCase closed = new LearningCase(ticketId, "ticket:desk:" + ticketId + "#1", "acme", "acme", "active",
        null, "Webhooks", List.of(), List.of(new CaseTurn("m1", "customer", customer),
            new CaseTurn("m2", "analyst", resolution)), resolution, List.of(), 0);
    KnowledgeWriter writer = new KnowledgeWriter(index, SharedEmbedder.get(), settings);
    return new RuleBasedQaExtractor(settings).extract(closed).pairs().stream()
        .map(pair -> writer.write(closed, pair).entryId()).toList();
  }

  @Test
  void theNextCustomersParaphraseIsAnsweredFromWhatTheFirstTicketTaught() {
    List<String> learned = learn("T-1",
        "Our event webhook deliveries all time out after 10 seconds and then get retried",
        "Endpoint was processing synchronously. Return 200 at once and process events asynchronously; timeout is "
            + "10 s.");
    assertThat(learned).hasSize(1);

    Proposal p = ask("Why do your webhook calls to our server keep timing out and getting retried?", "acme",
        List.of(), List.of());
    assertThat(p.answered()).as(p.reason()).isTrue();
    assertThat(p.citations()).containsExactly(learned.get(0));
    assertThat(p.text()).contains("Return 200 at once");
  }

  @Test
  void anExactRepeatOfAResolvedQuestionIsAlwaysAnswered() {
    String[][] cases = {
        {"Snapshots of volume vol-2 stay pending for hours since yesterday, what is going on?",
            "The storage backend was throttling snapshot jobs; we raised your snapshot concurrency limit."},
        {"Why does the CSV export button do nothing in Firefox?",
            "Firefox blocks the download pop-up: allow pop-ups for the console domain and retry."},
        {"Can I move my subscription to annual billing halfway through the month?",
            "Yes: switch under Billing > Plan; the unused monthly days are credited pro rata."}};
    for (int i = 0; i < cases.length; i++) {
      List<String> learned = learn("T-" + (10 + i), cases[i][0], cases[i][1]);
      Proposal p = ask(cases[i][0], "acme", List.of(), List.of());
      assertThat(p.answered()).as(cases[i][0] + ": " + p.reason()).isTrue();
      assertThat(p.citations()).containsExactly(learned.get(0));
    }
  }

  @Test
  void aLongEntryIsAnsweredWithThePassageThatAddressesTheQuestion_stepsIntact() {
    index.upsert(faq("faq-gateway", "global", "Gateway guide",
        """
            The gateway ships with firmware 2.1 and a default admin password printed on its label. Keep the label:             support asks for the serial number printed next to it whenever you open a case about the device.

            The gateway forwards sensor readings every 30 seconds. Readings are buffered for up to 24 hours when the             uplink is down and sent in order once it is back, so short outages lose no data at all.

            To factory-reset the gateway:
            1. Unplug the power cable.
            2. Hold the reset button while plugging it back in.
            3. Release the button when the LED blinks red, then wait two minutes.

            Warranty claims go through the reseller that sold you the gateway, with the invoice attached."""), 0);
    Proposal p = ask("How can I factory reset my gateway?", "globex", List.of(), List.of());
    assertThat(p.answered()).as(p.reason()).isTrue();
    assertThat(p.citations()).containsExactly("faq-gateway");
    assertThat(p.text()).contains("1. Unplug the power cable.\n2. Hold the reset button while plugging it back in."
        + "\n3. Release the button when the LED blinks red, then wait two minutes.")
        .startsWith("To factory-reset the gateway:").doesNotContain("firmware 2.1").doesNotContain("buffered")
        .hasSizeLessThanOrEqualTo(NoLlmAssistantActivities.PASSAGE_CHARS);
  }

  @Test
  void retrievalKeepsTheTicketsProductAndProductlessEntries_neverAnotherProducts() {
    index.upsert(KnowledgeEntry.draft("router-reset", EntryKind.DOC, "How do I reset the device?",
        "Hold the router's reset pin for 10 seconds.", "router", List.of(), "global", Provenance.imported("test"),
        EntryStatus.ACTIVE), 0);
    index.upsert(KnowledgeEntry.draft("camera-reset", EntryKind.DOC, "How do I reset the device?",
        "Press the camera's reset button twice.", "camera", List.of(), "global", Provenance.imported("test"),
        EntryStatus.ACTIVE), 0);
    Understanding u = assistant.understand(new UnderstandRequest("T-1", "acme", "Reset", List.of(
        "How do I reset the device?")));
    Proposal camera = assistant.propose(new ProposeRequest("T-1", u.query(), "acme", "camera", List.of(), List.of()));
    assertThat(camera.citations()).containsExactly("camera-reset");
    assertThat(assistant.retrieve(new ProposeRequest("T-1", u.query(), "acme", "camera", List.of(), List.of())))
        .extracting(h -> h.entry().product()).allMatch(p -> p == null || p.equals("camera"));
  }

  @Test
  void anExactRepeatOfAnEntrysQuestionIsConfidentEnoughForADirectAnswer() {
    Proposal p = ask("Why do snapshots fail with QuotaExceeded?", "globex", List.of(), List.of());
    assertThat(p.citations()).containsExactly("faq-quota");
    assertThat(p.confidence()).isGreaterThanOrEqualTo(AssistantSettings.defaults().autoMinConfidence());
  }

  @Test
  void anUnrelatedQuestionGetsNoAnswer_withTheBestScoreInTheReason() {
    Proposal p = ask("Can you recommend a good pizza place in Rome?", "globex", List.of(), List.of());
    assertThat(p.outcome()).isEqualTo(ProposalOutcome.NO_KNOWLEDGE);
    assertThat(p.reason()).contains("no knowledge above threshold");
  }

  @Test
  void anotherTenantsEntryIsNeverUsed() {
    Proposal p = ask("How do I restart the acme exporter?", "globex", List.of(), List.of());
    assertThat(p.citations()).doesNotContain("acme-only");
    assertThat(ask("How do I restart the acme exporter?", "acme", List.of(), List.of()).citations())
        .containsExactly("acme-only");
  }

  @Test
  void repeatsAreSuppressed_byCitationAndByAnswerSimilarity() {
    Proposal cited = ask("I forgot my password, what now?", "globex", List.of(), List.of("faq-password"));
    assertThat(cited.outcome()).isEqualTo(ProposalOutcome.REPEAT);
    Proposal similar = ask("I forgot my password, what now?", "globex",
        List.of("Open Settings > Security and choose Reset password; a link goes to your e-mail."), List.of());
    assertThat(similar.outcome()).isEqualTo(ProposalOutcome.REPEAT);
    assertThat(similar.reason()).contains("repeat of an earlier suggestion");
  }

  @Test
  void deliveryPolicyComesFromTheTenant_andAutoNeedsHighConfidence() {
    NoLlmAssistantActivities perTenant = new NoLlmAssistantActivities(index, SharedEmbedder.get(),
        new AssistantSettings(0.55, 0.7, 700, "suggest", java.util.Map.of("acme", "auto", "quiet", "off"), 0.8,
            java.time.Duration.ofMinutes(5)), meters);
    assertThat(perTenant.understand(new UnderstandRequest("T", "quiet", "s", List.of("how?"))).delivery())
        .isEqualTo(Delivery.OFF);
    Proposal exact = perTenant.propose(new ProposeRequest("T", "How do I reset my password?", "acme", null,
        List.of(), List.of()));
    assertThat(exact.delivery()).isEqualTo(Delivery.AUTO);
    assertThat(exact.autoAfter()).isEqualTo(java.time.Duration.ofMinutes(5));
    Proposal other = perTenant.propose(new ProposeRequest("T", "How do I reset my password?", "globex", null,
        List.of(), List.of()));
    assertThat(other.delivery()).isEqualTo(Delivery.SUGGEST);
  }

  @Test
  void smallTalkIsNotHelpable() {
    Understanding thanks = assistant.understand(new UnderstandRequest("T-1", "acme", "s", List.of("thanks!")));
    assertThat(thanks.kind()).isEqualTo(TurnKind.THANKS);
    assertThat(thanks.kind().helpable()).isFalse();
    assertThat(thanks.reason()).isEqualTo("thanks: nothing to help with");
    Understanding status = assistant.understand(new UnderstandRequest("T-1", "acme", "s", List.of("any update?")));
    assertThat(status.kind()).isEqualTo(TurnKind.STATUS_INQUIRY);
  }
}
