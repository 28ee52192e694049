package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.ticket.TicketWorkflowTest.awaitView;
import static dev.vigil.workflows.ticket.TicketWorkflowTest.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.ScriptedAssistant;
import dev.vigil.workflows.learning.RecordingLearningActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proactive pipeline as the ticket workflow runs it, with scripted assistant steps and time skipping. */
class TicketAssistantWorkflowTest {
  private final ScriptedAssistant assistant = new ScriptedAssistant();
  private final TicketSettings settings = TicketSettings.defaults();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String id;
  private TicketEvents e;

  @BeforeEach
  void start() {
    env = TicketWorkflowTest.newEnvironment(new RecordingLearningActivities(), assistant);
    client = env.getWorkflowClient();
    id = "A-" + UUID.randomUUID().toString().substring(0, 8);
    e = new TicketEvents(id);
    deliver(client, settings, e.created("Cannot log in", Priority.P2));
    deliver(client, settings, e.assigned("a-7", "Bob Analyst"));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private TicketView afterBatchWindow(java.util.function.Predicate<TicketView> condition) {
    env.sleep(settings.assistantBatchWindow().plusMillis(500));
    return awaitView(client, id, condition);
  }

  @Test
  void givenAnswerableQuestion_itSuggestsAnAnswerWithItsCitation_andLogsWhy() {
    deliver(client, settings, e.customerSays("m1", "I forgot my password, how do I change it?"));
    TicketView view = afterBatchWindow(v -> !v.suggestions().isEmpty());
    assertThat(view.suggestions()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("S1");
      assertThat(s.citations()).containsExactly("faq-password");
      assertThat(s.state()).isEqualTo("offered");
    });
    assertThat(view.decisions()).extracting(Decision::action)
        .contains("identify: question", "rewrite", "suggested S1 to the analyst");
    assertThat(assistant.proposed).singleElement().satisfies(p -> assertThat(p.tenant()).isEqualTo("acme"));
  }

  @Test
  void givenThanks_itStaysSilent_withTheReason() {
    deliver(client, settings, e.customerSays("m1", "thanks!"));
    TicketView view = afterBatchWindow(v -> v.decisions().stream().anyMatch(d -> d.action().equals("silent")));
    assertThat(view.suggestions()).isEmpty();
    assertThat(view.decisions()).anySatisfy(d -> {
      assertThat(d.action()).isEqualTo("silent");
      assertThat(d.reason()).contains("thanks");
    });
    assertThat(assistant.proposed).isEmpty();
  }

  @Test
  void givenQuestionWithoutKnowledge_itStaysSilent_noKnowledgeAboveThreshold() {
    deliver(client, settings, e.customerSays("m1", "Why is the sky blue?"));
    TicketView view = afterBatchWindow(v -> v.decisions().stream().anyMatch(d -> d.action().equals("silent")));
    assertThat(view.suggestions()).isEmpty();
    assertThat(view.decisions()).extracting(Decision::reason).contains("no knowledge above threshold");
  }

  @Test
  void givenTheSameQuestionAgain_theRepeatIsSuppressed() {
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    deliver(client, settings, e.customerSays("m2", "Seriously, my password does not work"));
    TicketView view = afterBatchWindow(v -> v.decisions().stream()
        .anyMatch(d -> d.reason() != null && d.reason().startsWith("repeat")));
    assertThat(view.suggestions()).hasSize(1);
    assertThat(assistant.proposed.get(1).citedBefore()).containsExactly("faq-password");
  }

  @Test
  void turnsArrivingTogetherAreAssessedOnce() {
    deliver(client, settings, e.customerSays("m1", "Hello"));
    deliver(client, settings, e.customerSays("m2", "my password is rejected"));
    afterBatchWindow(v -> !v.suggestions().isEmpty());
    assertThat(assistant.understood).singleElement().satisfies(u ->
        assertThat(u.customerTurns()).containsExactly("Hello", "my password is rejected"));
  }

  @Test
  void givenAnalystRepliesWithinTheWindow_vigilStaysSilent() {
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    deliver(client, settings, e.analystSays("m2", "Use the reset link on the login page."));
    TicketView view = afterBatchWindow(v -> v.decisions().stream().anyMatch(d -> d.action().equals("silent")));
    assertThat(view.suggestions()).isEmpty();
    assertThat(view.decisions()).extracting(Decision::reason).contains("an analyst already replied to the customer");
    assertThat(assistant.understood).isEmpty();
  }

  @Test
  void givenPausedAssistant_itStaysSilent() {
    client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", id))
        .act(e.of(TicketEventType.ASSISTANT_PAUSED));
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    TicketView view = afterBatchWindow(v -> v.messages().size() == 1
        && v.decisions().stream().anyMatch(d -> "paused by analyst".equals(d.reason())));
    assertThat(view.suggestions()).isEmpty();
    assertThat(assistant.understood).isEmpty();
  }

  @Test
  void givenStatusInquiry_itAnswersFromTheTimeline() {
    deliver(client, settings, e.customerSays("m1", "Any update?"));
    TicketView view = afterBatchWindow(v -> !v.suggestions().isEmpty());
    String text = view.suggestions().get(0).text();
    assertThat(text).contains("with our support team", "Bob Analyst is assigned", "Support has not replied yet");
    assertThat(view.suggestions().get(0).citations()).isEmpty();
    assertThat(view.decisions()).extracting(Decision::reason).contains("status answer built from the ticket's timeline");
    assertThat(assistant.proposed).isEmpty();
  }

  @Test
  void aCustomerTurnOnAResolvedTicketIsNotAssessed() {
    deliver(client, settings, e.resolved("Reset done"));
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    env.sleep(Duration.ofSeconds(5));
    TicketView view = awaitView(client, id, v -> v.messages().size() == 1);
    assertThat(view.suggestions()).isEmpty();
    assertThat(assistant.understood).isEmpty();
  }
}
