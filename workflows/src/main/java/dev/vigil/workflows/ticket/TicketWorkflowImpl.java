package dev.vigil.workflows.ticket;

import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The ticket process: events queue up in an inbox (signal and update handlers only enqueue) and the main loop applies
 * them in arrival order to the one {@link TicketState}, then performs what follows from them: publishing search
 * attributes, starting learning on close, continuing as new before the history grows large.
 */
public class TicketWorkflowImpl implements TicketWorkflow {
  private static final Logger log = Workflow.getLogger(TicketWorkflowImpl.class);

  private final ArrayDeque<TicketEvent> inbox = new ArrayDeque<>();
  private final TicketSettings settings;
  private final TicketState state;
  private long enqueued;
  private long processed;
  private Map<SearchAttributeKey<String>, String> publishedAttributes;
  private String publishedSubject;

  @WorkflowInit
  public TicketWorkflowImpl(TicketWorkflowInput input) {
    this.settings = input.settings() == null ? TicketSettings.defaults() : input.settings();
    if (input.carried() != null) {
      this.state = input.carried();
      this.state.continuedAsNew();
    } else {
      this.state = TicketState.open(Workflow.getInfo().getWorkflowId(), input.ticketId(), now());
    }
  }

  @Override
  public TicketView run(TicketWorkflowInput input) {
    publish();
    while (true) {
      awaitWorkOrDeadline();
      drainInbox();
      if (shouldContinueAsNew()) {
        Workflow.await(() -> Workflow.isEveryHandlerFinished());
        if (inbox.isEmpty()) {
          log.info("ticket {} continues as new after {} history events",
              state.facts().id(), Workflow.getInfo().getHistoryLength());
          Workflow.continueAsNew(new TicketWorkflowInput(state.facts().id(), settings, state));
        }
      } else if (retentionOver() && inbox.isEmpty()) {
        Workflow.await(() -> Workflow.isEveryHandlerFinished());
        if (inbox.isEmpty()) {
          return state.view();
        }
      }
    }
  }

  @Override
  public void receive(TicketEvent event) {
    enqueue(event);
  }

  @Override
  public TicketView act(TicketEvent event) {
    long position = enqueue(event);
    Workflow.await(() -> processed >= position);
    return state.view();
  }

  @Override
  public void validateAct(TicketEvent event) {
    Objects.requireNonNull(event, "event");
    String rejection = state.rejectionOf(event);
    if (rejection != null) {
      throw new IllegalStateException(rejection);
    }
  }

  @Override
  public TicketView view() {
    return state.view();
  }

  private long enqueue(TicketEvent event) {
    inbox.add(event);
    return ++enqueued;
  }

  private void awaitWorkOrDeadline() {
    if (state.status() != TicketStatus.CLOSED) {
      Workflow.await(() -> !inbox.isEmpty() || shouldContinueAsNew());
      return;
    }
    Duration left = Duration.between(now(), state.closedAt().plus(settings.closedRetention()));
    if (left.compareTo(Duration.ZERO) > 0) {
      Workflow.await(left, () -> !inbox.isEmpty() || shouldContinueAsNew());
    }
  }

  private void drainInbox() {
    while (!inbox.isEmpty()) {
      TicketEvent event = inbox.poll();
      TicketState.Applied applied = state.apply(event, now(), settings);
      if (applied.closedNow()) {
        startLearning();
      }
      publish();
      processed++;
    }
  }

  private boolean shouldContinueAsNew() {
    WorkflowInfo info = Workflow.getInfo();
    return info.getHistoryLength() >= settings.continueAsNewAfterEvents() || info.isContinueAsNewSuggested();
  }

  private boolean retentionOver() {
    return state.status() == TicketStatus.CLOSED
        && !now().isBefore(state.closedAt().plus(settings.closedRetention()));
  }

  /** Starts learning as an abandoned child, so it finishes even when this run completes or continues as new. */
  private void startLearning() {
    String childId = TicketIds.learningWorkflowId(state.workflowId(), state.closeCount());
    LearningWorkflow learning = Workflow.newChildWorkflowStub(
        LearningWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(childId)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .build());
    Async.function(learning::learn, new ClosedTicket(state.workflowId(), state.closeCount(), state.view()));
    try {
      WorkflowExecution execution = Workflow.getWorkflowExecution(learning).get();
      state.learningStarted(new LearningRun(childId, execution.getRunId(), now()), settings);
    } catch (RuntimeException e) {
      log.warn("ticket {}: learning workflow {} did not start", state.facts().id(), childId, e);
      state.decide(now(), "learning not started", "could not start " + childId + ": " + e.getMessage(), settings);
    }
  }

  /** Keeps the search attributes and the subject memo in step with the state, upserting only what changed. */
  private void publish() {
    TicketView view = state.view();
    Map<SearchAttributeKey<String>, String> values = TicketSearchAttributes.valuesOf(view);
    List<SearchAttributeUpdate<?>> changes = TicketSearchAttributes.changes(publishedAttributes, values);
    if (!changes.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(changes.toArray(new SearchAttributeUpdate<?>[0]));
    }
    publishedAttributes = values;
    if (view.subject() != null && !view.subject().equals(publishedSubject)) {
      Workflow.upsertMemo(Map.of(TicketSearchAttributes.MEMO_SUBJECT, view.subject()));
      publishedSubject = view.subject();
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
