package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.assistant.Summaries;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningWorkflow;
import dev.vigil.workflows.notify.OutboundKind;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The ticket process: events queue up in an inbox (signal and update handlers only enqueue) and the main loop applies
 * them in arrival order to the one {@link TicketState}, then performs what follows from them — the assistant's turn
 * on batched customer turns ({@link AssistantTurn}), progress updates and reminders, direct answers, sends to the
 * ticketing system ({@link TicketOutbound}, never waited on), search attributes, learning on close — and continues as
 * new before the history grows large, handing its state (sends in flight included) to the next run.
 */
public class TicketWorkflowImpl implements TicketWorkflow {
  private static final Logger log = Workflow.getLogger(TicketWorkflowImpl.class);

  /**
   * An event waiting to be applied; {@code fromSource}: delivered by the ticketing system (a signal), otherwise an
   * analyst's action whose update waits at {@code position} for its result.
   */
  private record Inbound(TicketEvent event, boolean fromSource, long position) {}

  private final Map<Long, ActionResult> actionResults = new HashMap<>();

  private final ArrayDeque<Inbound> inbox = new ArrayDeque<>();
  private final TicketSettings settings;
  private final TicketState state;
  private final TicketOutbound outbound;
  private final AssistantTurn assistant;
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
    this.outbound = new TicketOutbound(state, settings);
    this.assistant = new AssistantTurn(state, settings, outbound, this::publish);
  }

  @Override
  public TicketView run(TicketWorkflowInput input) {
    state.orderBySource();
    publish();
    outbound.resumeHandedOver();
    while (true) {
      refreshProgress();
      awaitWorkOrDeadline();
      drainInbox();
      if (state.assistDueAt() != null && !now().isBefore(state.assistDueAt())) {
        assistant.take(state.takePendingTurns());
      }
      sendDueProgress();
      if (state.autoAnswerDueAt() != null && !now().isBefore(state.autoAnswerDueAt())) {
        Message answer = state.sendAutoAnswer(now(), settings);
        TicketMetrics.suggestion(answer != null ? "answered" : "auto_cancelled");
        if (answer != null) {
          outbound.send(OutboundKind.ANSWER, answer.text(),
              answer.id().substring(Message.SUGGESTION_PREFIX.length()), answer.id());
        }
      }
      if (shouldContinueAsNew()) {
        // Update handlers wait only for the inbox, which was just drained: let them answer, then hand over. An event
        // arriving meanwhile goes round the loop once more; sends in flight travel in the state (see Outbox).
        Workflow.await(() -> Workflow.isEveryHandlerFinished() || !inbox.isEmpty());
        if (inbox.isEmpty() && Workflow.isEveryHandlerFinished()) {
          log.info("ticket {} continues as new after {} history events ({} sends handed over)",
              state.facts().id(), Workflow.getInfo().getHistoryLength(), state.outbox().pending().size());
          Workflow.continueAsNew(new TicketWorkflowInput(state.facts().id(), settings, state));
        }
      } else if (retentionOver() && inbox.isEmpty()) {
        // the last sends settle within their day; a reopening event still goes round the loop
        Workflow.await(() -> !inbox.isEmpty()
            || (Workflow.isEveryHandlerFinished() && outbound.settled()));
        if (inbox.isEmpty()) {
          return state.view();
        }
      }
    }
  }

  @Override
  public void receive(TicketEvent event) {
    enqueue(event, true);
  }

  @Override
  public ActionResult act(TicketEvent event) {
    long position = enqueue(event, false);
    Workflow.await(() -> processed >= position);
    return actionResults.remove(position);
  }

  @Override
  public void validateAct(TicketEvent event) {
    Objects.requireNonNull(event, "event");
    String conflict = state.conflictOf(event);
    if (conflict != null) {
      throw new IdempotencyConflict(conflict);
    }
    String rejection = state.rejectionOf(event);
    if (rejection != null) {
      throw new IllegalStateException(rejection);
    }
  }

  @Override
  public CaseSummary summarize() {
    return Summaries.of(state.view());
  }

  @Override
  public TicketView view() {
    return state.view();
  }

  private long enqueue(TicketEvent event, boolean fromSource) {
    inbox.add(new Inbound(event, fromSource, ++enqueued));
    return enqueued;
  }

  /** Waits for an event, or until the next deadline: queued turns due for the assistant, the closed retention. */
  private void awaitWorkOrDeadline() {
    Instant deadline = earliest(earliest(state.assistDueAt(), state.autoAnswerDueAt()),
        earliest(state.nextCheckInAt(), state.reminderDueAt(settings)));
    if (state.status() == TicketStatus.CLOSED) {
      Instant retentionEnd = state.closedAt().plus(settings.closedRetention());
      deadline = deadline == null || retentionEnd.isBefore(deadline) ? retentionEnd : deadline;
    }
    if (deadline == null) {
      Workflow.await(() -> !inbox.isEmpty() || shouldContinueAsNew());
      return;
    }
    Duration left = Duration.between(now(), deadline);
    if (left.compareTo(Duration.ZERO) > 0) {
      Workflow.await(left, () -> !inbox.isEmpty() || shouldContinueAsNew());
    }
  }

  private void refreshProgress() {
    state.refreshCheckIn(settings);
  }

  /** Progress updates to the customer and reminders to analysts whose time has come. */
  private void sendDueProgress() {
    refreshProgress();
    if (state.nextCheckInAt() != null && !now().isBefore(state.nextCheckInAt())) {
      Message update = state.sendProgressUpdate(now(), settings);
      outbound.send(OutboundKind.PROGRESS_UPDATE, update.text(), update.id(), update.id());
    }
    Instant reminder = state.reminderDueAt(settings);
    if (reminder != null && !now().isBefore(reminder)) {
      OutboundKind kind = state.remind(now(), settings);
      outbound.send(kind, "Customer waiting for a reply on ticket " + state.facts().id() + ": \""
          + state.view().subject() + "\"", kind.wireName(), kind.wireName() + "-" + now().toEpochMilli());
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private void drainInbox() {
    while (!inbox.isEmpty()) {
      Inbound inbound = inbox.poll();
      TicketEvent event = inbound.event();
      TicketState.Applied applied = state.apply(event, now(), settings, inbound.fromSource());
      if (applied.closedNow()) {
        startLearning();
      }
      if (!applied.duplicate() && applied.transition() != null && !applied.transition().rejected()) {
        switch (event.type()) {
          case SUGGESTION_ADOPTED, SUGGESTION_EDITED -> {
            TicketMetrics.suggestion(event.type() == TicketEventType.SUGGESTION_ADOPTED ? "adopted" : "edited");
            Message reply = applied.added();
            outbound.send(OutboundKind.ANALYST_REPLY, reply.text(), event.feedback().suggestionId(), reply.id());
          }
          case SUGGESTION_DISMISSED -> TicketMetrics.suggestion("dismissed");
          case MESSAGE_POSTED, RESOLVED, CLOSED, ASSIGNED, PRIORITY_CHANGED -> {
            if (!inbound.fromSource()) {
              writeBack(event, applied);
            }
          }
          case SUGGESTION_RATED -> TicketMetrics.suggestion(event.feedback().rating() + "d");
          default -> {
            // not about a suggestion
          }
        }
      }
      if (applied.customerTurn() != null) {
        if (state.assistantPaused()) {
          state.decide(now(), "silent", "paused by analyst", settings);
        } else {
          state.queueForAssistant(applied.customerTurn(), now(), settings.assistantBatchWindow());
        }
      }
      publish();
      if (!inbound.fromSource()) {
        actionResults.put(inbound.position(), resultOf(event, applied));
      }
      processed++;
    }
  }

  /**
   * What an analyst did in Vigil goes back to the ticketing system, the system of record: a message to the
   * customer as a reply, a resolution, closing, assignment or priority as a change to the ticket. (What came from the
   * system is already there.)
   */
  private void writeBack(TicketEvent event, TicketState.Applied applied) {
    String key = "action-" + event.eventId();
    switch (event.type()) {
      case MESSAGE_POSTED -> {
        Message message = applied.added();
        if (message != null && message.role() == Role.ANALYST) {
          outbound.send(OutboundKind.ANALYST_MESSAGE, message.text(), message.id(), message.id());
        }
      }
      case RESOLVED -> outbound.send(OutboundKind.RESOLVED,
          event.resolutionNote() == null ? "" : event.resolutionNote(), event.eventId(), key);
      case CLOSED -> outbound.send(OutboundKind.CLOSED, "", event.eventId(), key);
      case ASSIGNED -> outbound.send(OutboundKind.ASSIGNED, event.analyst().id(), event.eventId(), key);
      case PRIORITY_CHANGED -> outbound.send(OutboundKind.PRIORITY_CHANGED,
          event.ticket().priority().name(), event.eventId(), key);
      default -> throw new IllegalArgumentException("nothing to write back for " + event.type());
    }
  }

  private ActionResult resultOf(TicketEvent event, TicketState.Applied applied) {
    Transition t = applied.transition();
    String change = applied.duplicate() ? "already applied"
        : t != null && t.rejected() ? "rejected: " + t.rejection()
        : t != null && t.changesStatus() ? "status " + t.from().wireName() + " → " + t.to().wireName()
        : event.type().wireName() + " applied";
    TicketView view = state.view();
    return new ActionResult(event.eventId(), change, view.status(), view.version());
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
    Async.function(learning::learn, new ClosedTicket(state.workflowId(), state.closeCount(), state.caseForLearning()));
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
    Map<SearchAttributeKey<String>, String> values = TicketSearchAttributes.valuesOf(view, settings.customerKeySalt());
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
