package dev.vigil.activities.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.assistant.AssistantSettings;
import dev.vigil.activities.assistant.NoLlmAssistantActivities;
import dev.vigil.activities.assistant.risk.RuleBasedRiskActivities;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.activities.learning.CasePreparer;
import dev.vigil.activities.learning.LearningOffActivities;
import dev.vigil.activities.learning.LearningSettings;
import dev.vigil.activities.learning.Redactor;
import dev.vigil.testkit.llm.FakeModelServer;
import dev.vigil.workflows.assistant.ComposedAssessment;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Decision;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM provider fails while tickets keep coming — it times out, answers 500, then answers garbage: every ticket
 * still gets its cited suggestion from the no-LLM step, and its decision log says why the LLM was not used.
 */
class LlmOutageTicketTest {

  @TempDir
  Path dir;

  @Test
  void ticketsKeepFlowingOnTheNoLlmFallback_andTheDecisionsSayWhy() throws Exception {
    try (FakeModelServer server = new FakeModelServer();
        LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir, SharedEmbedder.get(), "standard",
            Clock.systemUTC())) {
      index.upsert(KnowledgeEntry.draft("faq-password", EntryKind.DOC, "How do I reset my password?",
          "Open Settings > Security and choose Reset password; a link is sent to your account e-mail.", null,
          List.of(), "global", Provenance.imported("test"), EntryStatus.ACTIVE), 0);
      NoLlmAssistantActivities rules = new NoLlmAssistantActivities(index, SharedEmbedder.get(),
          AssistantSettings.defaults(), new SimpleMeterRegistry());
      LlmAssistantActivities llm = new LlmAssistantActivities(ChatModels.create(new LlmSettings("openai",
          server.openAiBaseUrl(), "test-model", "test-key", Duration.ofSeconds(1), 0)), "openai", rules,
          AssistantSettings.defaults(), new SimpleMeterRegistry());
      RuleBasedRiskActivities risk = new RuleBasedRiskActivities(List.of(), SharedEmbedder.get());
      try (TestWorkflowEnvironment env = TicketWorkflowKit.newEnvironment(null, new ComposedAssessment(llm, risk),
          (OutboundActivities) message -> new OutboundResult(SendStatus.NOT_CONFIGURED, 0, "test"),
          new LearningOffActivities(new CasePreparer(new Redactor(), LearningSettings.defaults()),
              "learning is not under test"))) {
        WorkflowClient client = env.getWorkflowClient();
        List<FakeModelServer.Reply> outages = List.of(
            new FakeModelServer.Reply(200, "{}", 3_000),
            new FakeModelServer.Reply(500, null, 0),
            FakeModelServer.Reply.content("I am a teapot, not JSON"));
        for (int i = 0; i < outages.size(); i++) {
          FakeModelServer.Reply outage = outages.get(i);
          server.script(body -> outage);
          String id = "LLM-OUT-" + i;
          TicketWorkflowKit.deliver(client, TicketSettings.defaults(), new TicketEvent(UUID.randomUUID().toString(),
              TicketEventType.CREATED, Instant.now(), new TicketFacts(id, "Login trouble", null, Priority.P3, null,
                  new Customer("c", "acme", "Ada", null)), null, null, null, null));
          TicketWorkflowKit.deliver(client, TicketSettings.defaults(), new TicketEvent(UUID.randomUUID().toString(),
              TicketEventType.MESSAGE_POSTED, Instant.now(), TicketFacts.onlyId(id),
              new IncomingMessage("m1", Role.CUSTOMER, "Ada", "How can I reset my password?"), null, null, null));
          TicketView view = awaitSuggestion(env, id);
          assertThat(view.suggestions().get(0).citations()).containsExactly("faq-password");
          assertThat(view.decisions()).extracting(Decision::reason)
              .anySatisfy(reason -> assertThat(reason).contains("LLM failed ("));
        }
      }
    }
  }

  /** Moves the test server's clock past the assistant's batch window until the suggestion is there. */
  private static TicketView awaitSuggestion(TestWorkflowEnvironment env, String id) {
    for (int i = 0; i < 30; i++) {
      env.sleep(Duration.ofSeconds(2));
      TicketView view = TicketWorkflowKit.ticket(env.getWorkflowClient(), id).view();
      if (!view.suggestions().isEmpty()) {
        return view;
      }
    }
    throw new AssertionError(id + ": no suggestion; decisions "
        + TicketWorkflowKit.ticket(env.getWorkflowClient(), id).view().decisions());
  }
}
