package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.assistant.Summaries;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningWorkflow;
import dev.vigil.workflows.notify.OutboundKind;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * The ticket's life: events queue up in an {@link Inbox} (signal and update handlers only enqueue) and the main loop
 * applies them in arrival order to the one {@link TicketState}, then does what is due — the assistant's turn on the
 * batched customer turns ({@link AssistantTurn}), progress updates and reminders, a direct answer, the review of an
 * answer offered a while ago ({@link AnswerReviews}) — sends to the ticketing system through {@link TicketOutbound}
 * (never waited on), keeps its search attributes current ({@link TicketPublisher}), starts learning on close, and
 * continues as new before the history grows large, handing its state (sends in flight included) to the next run. A
 * closed ticket completes after its retention.
 */
public class TicketWorkflowImpl implements TicketWorkflow {
  private static final Logger log = Workflow.getLogger(TicketWorkflowImpl.class);
  /** Version gate: answers reviewed while the ticket is open (histories before it have no review timers). */
  static final String ANSWER_REVIEWS = "answer-reviews";
  /** Version gate: the assistant's turn runs beside the loop, so timers and events never wait for it. */
  static final String CONCURRENT_TURNS = "concurrent-turns";

  private final Inbox inbox = new Inbox();
  private final TicketSettings settings;
  private final TicketState state;
  private final TicketOutbound outbound;
  private final AssistantTurn assistant;
  private final TicketPublisher publisher;
  private AnswerReviews reviews;

  @WorkflowInit
  public TicketWorkflowImpl(TicketWorkflowInput input) {
    this.settings = input.settings() == null ? TicketSettings.defaults() : input.settings();
    if (input.carried() != null) {
      this.state = input.carried();
      this.state.continuedAsNew();
    } else {
      this.state = TicketState.open(Workflow.getInfo().getWorkflowId(), input.ticketId(), now(), settings);
    }
    this.outbound = new TicketOutbound(state);
    this.publisher = new TicketPublisher(settings.customerKeySalt());
    this.assistant = new AssistantTurn(state, settings.assistantInProcess(), outbound, this::publish);
  }

  @Override
  public TicketView run(TicketWorkflowInput input) {
    // runs recorded before answers were reviewed on open tickets replay without the review timers
    this.reviews = new AnswerReviews(state, Workflow.getVersion(ANSWER_REVIEWS, Workflow.DEFAULT_VERSION, 1) >= 1);
    // and those recorded before the assistant's turn ran beside the loop, with the turn blocking it
    assistant.runConcurrently(Workflow.getVersion(CONCURRENT_TURNS, Workflow.DEFAULT_VERSION, 1) >= 1);
    publish();
    outbound.resumeHandedOver();
    while (true) {
      state.refreshCheckIn();
      assistant.acknowledge();
      awaitWorkOrDeadline();
      applyInbox();
      assistant.takeIfDue();
      sendDueFollowUps();
      answerIfDue();
      reviews.startDue();
      if (shouldContinueAsNew()) {
        // Update handlers wait only for the inbox, which was just drained: let them answer, then hand over. An event
        // arriving meanwhile goes round the loop once more; sends in flight travel in the state (see Outbox); a
        // running assistant turn finishes first (bounded by its timeouts), so its customer turns are not lost.
        Workflow.await(() -> (Workflow.isEveryHandlerFinished() && !assistant.running()) || !inbox.isEmpty());
        if (inbox.isEmpty() && Workflow.isEveryHandlerFinished() && !assistant.running()) {
          log.info("ticket {} continues as new after {} history events ({} sends handed over)",
              state.facts().id(), Workflow.getInfo().getHistoryLength(), state.outbox().pending().size());
          Workflow.continueAsNew(new TicketWorkflowInput(state.facts().id(), settings, state));
        }
      } else if (retentionOver() && inbox.isEmpty()) {
        // the last sends settle within their day; a reopening event still goes round the loop
        Workflow.await(() -> !inbox.isEmpty()
            || (Workflow.isEveryHandlerFinished() && outbound.settled() && !assistant.running()));
        if (inbox.isEmpty()) {
          return state.view();
        }
      }
    }
  }

  @Override
  public void receive(TicketEvent event) {
    inbox.add(event, true);
  }

  @Override
  public ActionResult act(TicketEvent event) {
    return inbox.awaitResult(inbox.add(event, false));
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

  /**
   * Waits for an event, or until the next deadline: queued turns due for the assistant, a direct answer, a progress
   * update or reminder, an answer's review, the end of a closed ticket's retention.
   */
  private void awaitWorkOrDeadline() {
    Instant retentionEnd = state.status() == TicketStatus.CLOSED
        ? state.closedAt().plus(settings.closedRetention()) : null;
    Instant deadline = Stream.of(assistant.dueAt(), state.autoAnswerDueAt(), state.nextCheckInAt(),
        state.reminderDueAt(), reviews.dueAt(), retentionEnd).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    if (deadline == null) {
      Workflow.await(() -> !inbox.isEmpty() || shouldContinueAsNew() || assistant.finished());
      return;
    }
    Duration left = Duration.between(now(), deadline);
    if (left.compareTo(Duration.ZERO) > 0) {
      Workflow.await(left, () -> !inbox.isEmpty() || shouldContinueAsNew() || assistant.finished());
    }
  }

  /** Applies the queued events in arrival order, with what follows from each, and answers the analysts' actions. */
  private void applyInbox() {
    while (!inbox.isEmpty()) {
      Inbox.Inbound inbound = inbox.next();
      TicketEvent event = inbound.event();
      TicketState.Applied applied = state.apply(event, now(), inbound.fromSource());
      if (applied.closedNow()) {
        startLearning();
      }
      if (applied.changed()) {
        followUp(event, applied, inbound.fromSource());
      }
      if (applied.customerTurn() != null) {
        assistant.offer(applied.customerTurn());
      }
      publish();
      inbox.done(inbound, inbound.fromSource() ? null : resultOf(event, applied));
    }
  }

  /** What an applied event asks for beyond the state: a reply to send, a change to write back, a metric. */
  private void followUp(TicketEvent event, TicketState.Applied applied, boolean fromSource) {
    switch (event.type()) {
      case SUGGESTION_ADOPTED, SUGGESTION_EDITED -> {
        TicketMetrics.suggestion(event.type() == TicketEventType.SUGGESTION_ADOPTED ? "adopted" : "edited");
        outbound.analystReply(event.feedback().suggestionId(), applied.added());
      }
      case SUGGESTION_DISMISSED -> TicketMetrics.suggestion("dismissed");
      case SUGGESTION_RATED -> TicketMetrics.suggestion(event.feedback().rating().wireName() + "d");
      case MESSAGE_POSTED, RESOLVED, CLOSED, ASSIGNED, PRIORITY_CHANGED -> {
        if (!fromSource) {
          outbound.writeBack(event, applied.added());
        }
      }
      default -> {
        // nothing beyond the state
      }
    }
  }

  /** Progress updates to the customer and reminders to analysts whose time has come. */
  private void sendDueFollowUps() {
    state.refreshCheckIn();
    if (isDue(state.nextCheckInAt())) {
      outbound.toCustomer(OutboundKind.PROGRESS_UPDATE, state.sendProgressUpdate(now()));
    }
    if (isDue(state.reminderDueAt())) {
      outbound.reminder(state.remind(now()), now());
    }
  }

  /** A direct answer whose time has come goes to the customer, unless an analyst replied first. */
  private void answerIfDue() {
    if (isDue(state.autoAnswerDueAt())) {
      Message answer = state.sendAutoAnswer(now());
      TicketMetrics.suggestion(answer != null ? "answered" : "auto_cancelled");
      if (answer != null) {
        outbound.toCustomer(OutboundKind.ANSWER, answer);
      }
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
    return state.status() == TicketStatus.CLOSED && isDue(state.closedAt().plus(settings.closedRetention()));
  }

  /** Starts learning as an abandoned child, so it finishes even when this run completes or continues as new. */
  private void startLearning() {
    String childId = TicketIds.learningWorkflowId(state.workflowId(), state.closeCount());
    LearningWorkflow learning = Workflow.newChildWorkflowStub(LearningWorkflow.class, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(childId)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .build());
    Async.function(learning::learn, new ClosedTicket(state.workflowId(), state.closeCount(), state.caseForLearning()));
    try {
      WorkflowExecution execution = Workflow.getWorkflowExecution(learning).get();
      state.learningStarted(new LearningRun(childId, execution.getRunId(), now()));
    } catch (RuntimeException e) {
      log.warn("ticket {}: learning workflow {} did not start", state.facts().id(), childId, e);
      state.decide(now(), DecisionKind.LEARNING_NOT_STARTED, "learning not started", "could not start " + childId
          + ": " + e.getMessage());
    }
  }

  private void publish() {
    publisher.publish(state.view());
  }

  private static boolean isDue(Instant at) {
    return at != null && !now().isBefore(at);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
