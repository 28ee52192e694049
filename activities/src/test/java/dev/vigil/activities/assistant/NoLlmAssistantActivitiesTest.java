package dev.vigil.activities.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.workflows.assistant.Delivery;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.ProposalOutcome;
import dev.vigil.workflows.assistant.ProposeRequest;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.UnderstandRequest;
import dev.vigil.workflows.assistant.Understanding;
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
