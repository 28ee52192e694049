package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static dev.vigil.workflows.testing.TicketWorkflowKit.newEnvironment;
import static dev.vigil.workflows.testing.TicketWorkflowKit.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearningOutcome;
import dev.vigil.workflows.learning.LearningWorkflow;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TestKeys;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketWorkflowTest {
  private static final Duration RETENTION = Duration.ofDays(7);

  private final RecordingLearningActivities learning = new RecordingLearningActivities();
  private final ScriptedAssistant assistant = new ScriptedAssistant();

  private final RecordingOutbound outbound = new RecordingOutbound();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void startEnvironment() {
    env = newEnvironment(learning, assistant, outbound);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private static String newTicketId() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void givenFullLifecycle_itWalksTheStateMachine_andLearnsOnClose() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    deliver(client, settings, e.created("Backups fail with error 0x80", Priority.P2));
    awaitView(client, id, v -> v.status() == TicketStatus.TRIAGED);

    deliver(client, settings, e.customerSays("m1", "Our nightly backup fails with 0x80. How do I fix it?"));
    deliver(client, settings, e.escalated());
    deliver(client, settings, e.assigned("a-7", "Bob Analyst"));
    awaitView(client, id, v -> v.status() == TicketStatus.ESCALATED);
    deliver(client, settings, e.analystSays("m2", "Rotate the backup credentials under Settings > Keys."));
    awaitView(client, id, v -> v.status() == TicketStatus.WAITING_ON_CUSTOMER);
    deliver(client, settings, e.customerSays("m3", "Still failing after rotation."));
    awaitView(client, id, v -> v.status() == TicketStatus.ESCALATED);
    deliver(client, settings, e.resolved("Credentials had expired; rotated and re-ran the job."));
    deliver(client, settings, e.of(TicketEventType.CLOSED));

    TicketView closed = awaitView(client, id, v -> v.learning() != null);
    assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(closed.assignee()).isEqualTo(new Analyst("a-7", "Bob Analyst"));
    assertThat(closed.messages()).extracting(Message::id).containsExactly("m1", "m2", "m3");
    assertThat(closed.resolutionNote()).startsWith("Credentials had expired");
    assertThat(closed.timeline()).extracting(TimelineEntry::detail).containsSubsequence(
        "new → triaged", "triaged → escalated", "escalated → waiting_on_customer",
        "waiting_on_customer → escalated", "escalated → resolved", "resolved → closed");
    assertThat(closed.decisions()).extracting(Decision::action).contains("triaged", "learning started");
    assertThat(closed.learning().workflowId()).isEqualTo("learning:desk:" + id + ":1");

    LearningOutcome outcome = client.newUntypedWorkflowStub(closed.learning().workflowId())
        .getResult(LearningOutcome.class);
    assertThat(outcome.ticketId()).isEqualTo(id);
    assertThat(outcome.changes()).extracting(KnowledgeChange::action).containsExactly(KnowledgeChange.CREATED);
    assertThat(learning.recorded).singleElement().satisfies(t -> {
      assertThat(t.ticket().resolutionNote()).startsWith("Credentials had expired");
      assertThat(t.ticket().messages()).hasSize(3);
    });

    // the closed ticket's run stays open for reopening, then completes on its own
    env.sleep(RETENTION.plusMinutes(1));
    TicketView last = client.newUntypedWorkflowStub(TicketIds.workflowId("desk", id)).getResult(TicketView.class);
    assertThat(last.status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void searchAttributesAndMemoFollowTheTicket() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    deliver(client, TicketSettings.defaults(), e.created("VPN drops every hour", Priority.P1));
    deliver(client, TicketSettings.defaults(), e.assigned("a-9", "Eve"));
    awaitView(client, id, v -> v.assignee() != null);

    DescribeWorkflowExecutionResponse described = env.getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(TicketIds.workflowId("desk", id)))
            .build());
    var indexed = described.getWorkflowExecutionInfo().getSearchAttributes().getIndexedFieldsMap();
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        indexed.get("VigilStatus"), String.class, String.class)).isEqualTo("escalated");
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        indexed.get("VigilAssignee"), String.class, String.class)).isEqualTo("a-9");
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        indexed.get("VigilTenant"), String.class, String.class)).isEqualTo("acme");
    // search attributes are the one thing Temporal keeps in the clear: the customer is an opaque key
    String customerKey = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(indexed.get("VigilCustomer"),
        String.class, String.class);
    assertThat(customerKey).hasSize(20).isEqualTo(CustomerKey.of(null, "acme", "cust-1"))
        .isNotEqualTo(CustomerKey.of("another deployment", "acme", "cust-1")).doesNotContain("cust");
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        indexed.get("VigilPriority"), String.class, String.class)).isEqualTo("P1");
    // the memo is a payload like any other: encrypted, so only a holder of the keys reads the subject
    var memo = described.getWorkflowExecutionInfo().getMemo().getFieldsMap();
    assertThat(memo.get(TicketSearchAttributes.MEMO_SUBJECT).getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo(EncryptionCodec.ENCODING);
    assertThat(TestKeys.dataConverter().fromPayload(
        memo.get(TicketSearchAttributes.MEMO_SUBJECT), String.class, String.class))
        .isEqualTo("VPN drops every hour");
  }

  @Test
  void givenClosedTicket_reopenAndCloseAgain_startsASecondLearningRun() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    deliver(client, settings, e.created("Login loop", Priority.P3));
    deliver(client, settings, e.assigned("a-1", "Bob"));
    deliver(client, settings, e.resolved("Cleared cookies"));
    deliver(client, settings, e.of(TicketEventType.CLOSED));
    deliver(client, settings, e.of(TicketEventType.REOPENED));
    TicketView reopened = awaitView(client, id, v -> v.eventsApplied() == 5);
    assertThat(reopened.status()).isEqualTo(TicketStatus.ESCALATED);
    assertThat(reopened.closedAt()).isNull();

    deliver(client, settings, e.resolved("Fixed SSO clock skew"));
    deliver(client, settings, e.of(TicketEventType.CLOSED));
    TicketView closedAgain = awaitView(client, id, v -> v.learningRuns().size() == 2);
    assertThat(closedAgain.learningRuns()).extracting(LearningRun::workflowId)
        .containsExactly("learning:desk:" + id + ":1", "learning:desk:" + id + ":2");
    assertThat(closedAgain.resolutionNote()).isEqualTo("Fixed SSO clock skew");
  }

  @Test
  void whatAnalystsDoInVigilIsWrittenBack_whatCameFromTheSystemIsNot() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    deliver(client, settings, e.created("Export fails", Priority.P3));
    deliver(client, settings, e.analystSays("m-webhook", "Written in the ticketing system"));
    awaitView(client, id, v -> v.messages().size() == 1);

    TicketWorkflow ticket = TicketWorkflowKit.ticket(client, id);
    ticket.act(e.analystSays("m-vigil", "Retry the export with a smaller date range."));
    ticket.act(e.priority(Priority.P1));
    ticket.act(e.assigned("a-7", "Bob"));
    ticket.act(e.resolved("Export limit raised"));
    ticket.act(e.of(TicketEventType.CLOSED));

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> outbound.delivered().size() == 5);
    assertThat(outbound.delivered())
        .extracting(m -> m.kind().wireName() + ":" + m.audience().wireName() + ":" + m.text())
        .containsExactlyInAnyOrder("analyst_message:customer:Retry the export with a smaller date range.",
            "priority_changed:ticket:P1", "assigned:ticket:a-7", "resolved:ticket:Export limit raised",
            "closed:ticket:");
    assertThat(outbound.delivered()).extracting(OutboundMessage::text)
        .doesNotContain("Written in the ticketing system");
  }

  @Test
  void anIdempotencyKeyReusedForAnotherAction_isRefused_aRetryOfTheSameActionAppliesOnce() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    deliver(client, TicketSettings.defaults(), e.created("Slow API", Priority.P3));
    awaitView(client, id, v -> v.eventsApplied() == 1);
    TicketWorkflow ticket = TicketWorkflowKit.ticket(client, id);
    TicketEvent pause = TicketEvents.withId(e.of(TicketEventType.ASSISTANT_PAUSED), "api:key-1");

    assertThat(ticket.act(pause).change()).isEqualTo("assistant.paused applied");
    assertThat(ticket.act(TicketEvents.withId(e.of(TicketEventType.ASSISTANT_PAUSED), "api:key-1")).change())
        .as("a retry").isEqualTo("already applied");
    assertThatThrownBy(() -> ticket.act(TicketEvents.withId(e.of(TicketEventType.ASSISTANT_RESUMED), "api:key-1")))
        .isInstanceOf(io.temporal.client.WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("already used for a different action");
    assertThat(ticket.view().assistantPaused()).as("the conflicting action did not apply").isTrue();
  }

  @Test
  void givenDuplicateEventIds_eachIsAppliedOnce() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    TicketEvent created = e.created("Slow queries", Priority.P2);
    TicketEvent question = e.customerSays("m1", "Why are queries slow since Monday?");
    deliver(client, settings, created);
    deliver(client, settings, question);
    deliver(client, settings, created);
    deliver(client, settings, question);
    deliver(client, settings, TicketEvents.withId(question, "another-event-same-message"));
    TicketView view = awaitView(client, id, v -> v.eventsApplied() + v.duplicateEventsIgnored() == 6);
    assertThat(view.messages()).hasSize(1);
    assertThat(view.eventsApplied()).isEqualTo(3);
    assertThat(view.duplicateEventsIgnored()).isEqualTo(3);
    assertThat(view.timeline()).filteredOn(t -> t.kind() == TimelineKind.STATUS).hasSize(1);
  }

  @Test
  void givenLongDialogue_itContinuesAsNew_keepingStateAndIdempotency() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = new TicketSettings(2_000, 500, 1_000, 100, RETENTION, null);
    TicketEvent created = e.created("Chatty ticket", Priority.P4);
    deliver(client, settings, created);
    String firstRun = client.newUntypedWorkflowStub(TicketIds.workflowId("desk", id)).getExecution().getRunId();
    for (int i = 0; i < 150; i++) {
      deliver(client, settings, i % 2 == 0 ? e.customerSays("c" + i, "question " + i)
          : e.analystSays("a" + i, "answer " + i));
    }
    TicketView view = awaitView(client, id, v -> v.eventsApplied() == 151 && v.continuedAsNew() >= 1);
    assertThat(view.continuedAsNew()).isGreaterThanOrEqualTo(1);
    assertThat(view.messages()).hasSize(150);
    assertThat(view.subject()).isEqualTo("Chatty ticket");
    assertThat(view.decisions()).extracting(Decision::action).contains("triaged");

    // an event seen before the continue-as-new is still recognised
    deliver(client, settings, created);
    awaitView(client, id, v -> v.duplicateEventsIgnored() == 1);
    WorkflowStub current = client.newUntypedWorkflowStub(TicketIds.workflowId("desk", id));
    assertThat(current.describe().getExecution().getRunId()).isNotEqualTo(firstRun);
  }

  @Test
  void learningOutlivesTheTicketRun_parentClosePolicyAbandon() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    learning.hold();
    deliver(client, settings, e.created("Quota exceeded", Priority.P3));
    deliver(client, settings, e.resolved("Raised the quota"));
    deliver(client, settings, e.of(TicketEventType.CLOSED));
    String learningId = awaitView(client, id, v -> v.learning() != null).learning().workflowId();

    client.newUntypedWorkflowStub(TicketIds.workflowId("desk", id)).terminate("operator ended the ticket run");
    learning.release();

    LearningOutcome outcome = client.newUntypedWorkflowStub(learningId).getResult(LearningOutcome.class);
    assertThat(outcome.ticketId()).isEqualTo(id);
    assertThat(client.newUntypedWorkflowStub(TicketIds.workflowId("desk", id)).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
    LearningWorkflow learningRun = client.newWorkflowStub(LearningWorkflow.class, learningId);
    assertThat(learningRun.changes()).singleElement().satisfies(c -> assertThat(c.action())
        .isEqualTo(KnowledgeChange.CREATED));
    assertThat(learning.recorded).singleElement()
        .satisfies(t -> assertThat(t.ticket().status()).isEqualTo(TicketStatus.CLOSED));
  }

  @Test
  void analystActionsAreUpdates_thatRejectWhatCannotApply() {
    String id = newTicketId();
    TicketEvents e = new TicketEvents(id);
    deliver(client, TicketSettings.defaults(), e.created("Billing question", Priority.P3));
    // the created event first: an update arriving in the same workflow task may be handled before the signal
    awaitView(client, id, v -> v.eventsApplied() == 1);
    TicketWorkflow ticket = ticket(client, id);

    ActionResult pause = ticket.act(e.of(TicketEventType.ASSISTANT_PAUSED));
    assertThat(pause.change()).isEqualTo("assistant.paused applied");
    TicketView paused = ticket.view();
    assertThat(paused.version()).isEqualTo(pause.version());
    assertThat(paused.assistantPaused()).isTrue();
    assertThat(paused.decisions()).extracting(Decision::action).contains("assistant paused");

    ActionResult closed = ticket.act(e.of(TicketEventType.CLOSED));
    assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(closed.change()).isEqualTo("status triaged → closed");
    assertThatThrownBy(() -> ticket.act(e.escalated()))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("closed ticket");
    assertThat(ticket.view().eventsRejected()).isZero();
  }
}
