package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.assistant.Delivery;
import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
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
  private final RecordingOutbound outbound = new RecordingOutbound();
  private final TicketSettings settings = TicketSettings.defaults();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String id;
  private TicketEvents e;

  @BeforeEach
  void start() {
    env = TicketWorkflowKit.newEnvironment(new RecordingLearningActivities(), assistant, outbound);
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
      assertThat(s.state()).isEqualTo(SuggestionState.OFFERED);
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

  private TicketWorkflow ticket() {
    return client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", id));
  }

  private static TicketEvent feedback(TicketEvents e, TicketEventType type, SuggestionFeedback feedback) {
    TicketEvent base = e.of(type);
    return new TicketEvent(base.eventId(), type, base.occurredAt(), base.ticket(), null, null, null, "alice",
        feedback);
  }

  @Test
  void adoptingASuggestionPostsItToTheCustomerAsTheAnalystsReply() {
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    ActionResult adoption = ticket().act(feedback(e, TicketEventType.SUGGESTION_ADOPTED,
        new SuggestionFeedback("S1", null, null, null)));
    assertThat(adoption.change()).isEqualTo("status escalated → waiting_on_customer");
    TicketView adopted = ticket().view();
    assertThat(adopted.version()).isEqualTo(adoption.version());
    assertThat(adopted.suggestions().get(0).state()).isEqualTo(SuggestionState.ADOPTED);
    assertThat(adopted.suggestions().get(0).decidedBy()).isEqualTo("alice");
    assertThat(adopted.messages()).last().satisfies(m -> {
      assertThat(m.role()).isEqualTo(Role.ANALYST);
      assertThat(m.text()).startsWith("Open Settings > Security");
    });
    assertThat(adopted.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
    assertThat(adopted.decisions()).extracting(Decision::action).contains("S1 adopted by alice");

    assertThat(ticket().act(feedback(e, TicketEventType.SUGGESTION_RATED,
        new SuggestionFeedback("S1", null, Rating.LIKE, null))).change()).isEqualTo("suggestion.rated applied");
    TicketView liked = ticket().view();
    assertThat(liked.suggestions().get(0).rating()).isEqualTo(Rating.LIKE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ticket().act(feedback(e,
            TicketEventType.SUGGESTION_DISMISSED, new SuggestionFeedback("S1", null, null, "wrong"))))
        .rootCause().hasMessageContaining("already adopted");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ticket().act(feedback(e,
            TicketEventType.SUGGESTION_ADOPTED, new SuggestionFeedback("S9", null, null, null))))
        .rootCause().hasMessageContaining("no suggestion S9");
  }

  @Test
  void editingSendsTheAnalystsText_andDismissingRecordsTheReason() {
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    ticket().act(feedback(e, TicketEventType.SUGGESTION_EDITED,
        new SuggestionFeedback("S1", "Use the reset link we just e-mailed you.", null, null)));
    TicketView edited = ticket().view();
    assertThat(edited.messages()).last().extracting(Message::text).isEqualTo("Use the reset link we just e-mailed you.");
    assertThat(edited.suggestions().get(0).state()).isEqualTo(SuggestionState.EDITED);

    deliver(client, settings, e.customerSays("m3", "Why is the sky blue? And my password?"));
    TicketView second = afterBatchWindow(v -> v.decisions().stream()
        .anyMatch(d -> d.reason() != null && d.reason().startsWith("repeat")));
    assertThat(second.suggestions()).hasSize(1);
  }

  @Test
  void autoDeliveryAnswersTheCustomerAfterTheWaitWindow_whenNoAnalystReplies() {
    assistant.delivery = Delivery.AUTO;
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    TicketView pending = afterBatchWindow(v -> v.suggestions().size() == 1);
    assertThat(pending.suggestions().get(0).state()).isEqualTo(SuggestionState.AUTO_PENDING);
    assertThat(pending.messages()).hasSize(1);

    env.sleep(Duration.ofMinutes(4));
    assertThat(TicketWorkflowKit.awaitView(client, id, v -> true).messages()).as("not before the window").hasSize(1);
    env.sleep(Duration.ofMinutes(2));
    TicketView answered = awaitView(client, id, v -> v.messages().size() == 2);
    assertThat(answered.messages().get(1).role()).isEqualTo(Role.VIGIL);
    assertThat(answered.suggestions().get(0).state()).isEqualTo(SuggestionState.ANSWERED);
    assertThat(answered.decisions()).extracting(Decision::action).contains("answered the customer with S1");
  }

  @Test
  void autoDeliveryIsCancelledWhenAnAnalystRepliesInsideTheWindow() {
    assistant.delivery = Delivery.AUTO;
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    env.sleep(Duration.ofMinutes(2));
    deliver(client, settings, e.analystSays("m2", "I have reset it for you."));
    env.sleep(Duration.ofMinutes(4));
    TicketView view = awaitView(client, id, v -> !v.suggestions().get(0).open());
    assertThat(view.suggestions().get(0).state()).isEqualTo(SuggestionState.CANCELLED);
    assertThat(view.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.ANALYST);
    assertThat(view.decisions()).extracting(Decision::reason).contains("an analyst replied first");
  }

  @Test
  void autoDeliveryNeedsConfidence_elseItOnlySuggests() {
    assistant.delivery = Delivery.AUTO;
    assistant.confidence = 0.6;
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    TicketView view = afterBatchWindow(v -> v.suggestions().size() == 1);
    assertThat(view.suggestions().get(0).state()).isEqualTo(SuggestionState.OFFERED);
    env.sleep(Duration.ofMinutes(10));
    assertThat(awaitView(client, id, v -> true).messages()).hasSize(1);
  }

  @Test
  void deliveryOffKeepsVigilSilent() {
    assistant.delivery = Delivery.OFF;
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    TicketView view = afterBatchWindow(v -> v.decisions().stream().anyMatch(d -> d.action().equals("silent")));
    assertThat(view.suggestions()).isEmpty();
    assertThat(view.decisions()).extracting(Decision::reason).contains("the assistant is off for tenant acme");
  }

  @Test
  void summaryListsOverviewDecisionsAndOpenItemsWithOwners() {
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    dev.vigil.workflows.assistant.CaseSummary summary = ticket().summarize();
    assertThat(summary.overview()).contains("\"Cannot log in\"", "P2", "escalated", "assigned to Bob Analyst",
        "How do I reset my password?");
    assertThat(summary.decisions()).anySatisfy(d -> assertThat(d).contains("assigned: Bob Analyst (a-7)"));
    assertThat(summary.openItems()).extracting(dev.vigil.workflows.assistant.CaseSummary.OpenItem::owner)
        .containsExactly("Bob Analyst", "Bob Analyst");
    assertThat(summary.openItems().get(0).item()).startsWith("reply to the customer");
    assertThat(summary.openItems().get(1).item()).isEqualTo("adopt, edit or dismiss suggestion S1");
  }

  @Test
  void riskRuleAlertsAndRaisesPriority_thenStaysQuietForItsSilenceWindow() {
    deliver(client, settings, e.customerSays("m1", "All our shops are down since 9am"));
    TicketView alerted = afterBatchWindow(v -> !v.alerts().isEmpty());
    assertThat(alerted.alerts()).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("several-customers");
      assertThat(a.level()).isEqualTo(AlertLevel.P1);
    });
    assertThat(alerted.priority()).isEqualTo(Priority.P1);
    assertThat(alerted.decisions()).extracting(Decision::action)
        .contains("alert P1: several customers affected", "priority raised to P1");

    env.sleep(Duration.ofMinutes(20));
    deliver(client, settings, e.customerSays("m2", "Still all our shops, please hurry"));
    TicketView silenced = afterBatchWindow(v -> v.decisions().stream()
        .anyMatch(d -> d.action().equals("alert silenced")));
    assertThat(silenced.alerts()).hasSize(1);

    env.sleep(Duration.ofHours(1));
    deliver(client, settings, e.customerSays("m3", "all our shops again"));
    TicketView again = afterBatchWindow(v -> v.alerts().size() == 2);
    assertThat(again.alerts()).hasSize(2);
  }

  @Test
  void adoptedAnswerReachesTheTicketingSystemOnce_evenWhenTheFirstResponseIsLost() {
    outbound.failuresToInject.set(1);
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    ticket().act(feedback(e, TicketEventType.SUGGESTION_ADOPTED, new SuggestionFeedback("S1", null, null, null)));
    env.sleep(Duration.ofSeconds(5));
    TicketView view = awaitView(client, id, v -> v.decisions().stream()
        .anyMatch(d -> d.action().equals("outbound delivered")));
    assertThat(outbound.attempts).hasSize(2);
    assertThat(outbound.attempts).extracting(OutboundMessage::idempotencyKey).containsOnly(
        TicketIds.workflowId("desk", id) + "/vigil-S1");
    assertThat(outbound.delivered()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(OutboundKind.ANALYST_REPLY);
      assertThat(m.audience()).isEqualTo(Audience.CUSTOMER);
      assertThat(m.text()).startsWith("Open Settings > Security");
    });
    assertThat(view.decisions()).extracting(Decision::reason).anyMatch(r -> r.contains("(HTTP 202)"));
  }

  @Test
  void autoAnswersAndAlertsGoOutbound() {
    assistant.delivery = Delivery.AUTO;
    deliver(client, settings, e.customerSays("m1", "All our users: how do I reset my password?"));
    afterBatchWindow(v -> v.suggestions().size() == 1);
    env.sleep(Duration.ofMinutes(6));
    awaitView(client, id, v -> v.decisions().stream().filter(d -> d.action().equals("outbound delivered")).count()
        >= 2);
    assertThat(outbound.delivered()).extracting(OutboundMessage::kind)
        .containsExactlyInAnyOrder(OutboundKind.ALERT, OutboundKind.ANSWER);
    assertThat(outbound.delivered()).filteredOn(m -> m.kind() == OutboundKind.ALERT).singleElement()
        .satisfies(m -> assertThat(m.audience()).isEqualTo(Audience.SUPPORT));
  }
}
