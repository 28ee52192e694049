package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.AssistantActivities;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.ProposeRequest;
import dev.vigil.workflows.assistant.RiskActivities;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.assistant.RiskRequest;
import dev.vigil.workflows.assistant.StatusReport;
import dev.vigil.workflows.assistant.Summaries;
import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.UnderstandRequest;
import dev.vigil.workflows.assistant.Understanding;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.learning.LearningWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
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
 * them in arrival order to the one {@link TicketState}, then performs what follows from them: publishing search
 * attributes, starting learning on close, continuing as new before the history grows large.
 */
public class TicketWorkflowImpl implements TicketWorkflow {
  private static final Logger log = Workflow.getLogger(TicketWorkflowImpl.class);

  private final AssistantActivities assistant = Workflow.newActivityStub(
      AssistantActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofMillis(500))
              .setBackoffCoefficient(2.0)
              .setMaximumAttempts(3)
              .build())
          .build());

  private final RiskActivities risk = Workflow.newActivityStub(
      RiskActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
          .build());

  /** How long a message is retried before Vigil gives it up, across runs. */
  private static final Duration SEND_PATIENCE = Duration.ofDays(1);

  // Retried with backoff until SEND_PATIENCE is over: the receiver de-duplicates by idempotency key, so a retry after
  // a lost response, or the next run's re-issue of a send this run handed over, never produces a second message.
  private static final ActivityOptions SEND_OPTIONS = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(30))
      .setRetryOptions(RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(10))
          .setDoNotRetry(OutboundFailures.REJECTED)
          .build())
      .build();

  /**
   * An event waiting to be applied; {@code fromSource}: delivered by the ticketing system (a signal), otherwise an
   * analyst's action whose update waits at {@code position} for its result.
   */
  private record Inbound(TicketEvent event, boolean fromSource, long position) {}

  private final Map<Long, ActionResult> actionResults = new HashMap<>();

  private final ArrayDeque<Inbound> inbox = new ArrayDeque<>();
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
    state.orderBySource();
    publish();
    // sends the previous run handed over: re-issued under their idempotency keys
    state.outbox().pending().forEach(this::dispatch);
    while (true) {
      refreshProgress();
      awaitWorkOrDeadline();
      drainInbox();
      if (state.assistDueAt() != null && !now().isBefore(state.assistDueAt())) {
        assist(state.takePendingTurns());
      }
      sendDueProgress();
      if (state.autoAnswerDueAt() != null && !now().isBefore(state.autoAnswerDueAt())) {
        Message answer = state.sendAutoAnswer(now(), settings);
        countSuggestion(answer != null ? "answered" : "auto_cancelled");
        if (answer != null) {
          send("answer", "customer", answer.text(), answer.id().substring(Message.SUGGESTION_PREFIX.length()),
              answer.id());
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
            || (Workflow.isEveryHandlerFinished() && state.outbox().pending().isEmpty()));
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
      send("progress_update", "customer", update.text(), update.id(), update.id());
    }
    Instant reminder = state.reminderDueAt(settings);
    if (reminder != null && !now().isBefore(reminder)) {
      String kind = state.remind(now(), settings);
      String audience = kind.equals("reminder") ? "analyst" : "on_call";
      send(kind, audience, "Customer waiting for a reply on ticket " + state.facts().id() + ": \""
          + state.view().subject() + "\"", kind, kind + "-" + now().toEpochMilli());
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
            countSuggestion(event.type() == TicketEventType.SUGGESTION_ADOPTED ? "adopted" : "edited");
            Message reply = applied.added();
            send("analyst_reply", "customer", reply.text(), event.feedback().suggestionId(), reply.id());
          }
          case SUGGESTION_DISMISSED -> countSuggestion("dismissed");
          case SUGGESTION_RATED -> countSuggestion(event.feedback().rating() + "d");
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

  /**
   * The proactive pipeline on the batched customer turns: identify and rewrite, then retrieve, answer and suppress
   * repeats; every outcome, silence included, goes into the decision log. Suggestions go privately to the analyst.
   */
  private void assist(List<Message> turns) {
    Message latest = turns.get(turns.size() - 1);
    if (!state.status().isOpen()) {
      state.decide(now(), "silent", "ticket is " + state.status().wireName(), settings);
      return;
    }
    if (state.assistantPaused()) {
      state.decide(now(), "silent", "paused by analyst", settings);
      return;
    }
    checkRisks(state.view(), turns);
    if (state.analystRepliedAfter(latest)) {
      state.decide(now(), "silent", "an analyst already replied to the customer", settings);
      return;
    }
    TicketView view = state.view();
    String tenant = view.customer() == null ? null : view.customer().tenant();
    try {
      Understanding understanding = assistant.understand(new UnderstandRequest(view.ticketId(), tenant,
          view.subject(), turns.stream().map(Message::text).toList()));
      if (Understanding.OFF.equals(understanding.delivery())) {
        state.decide(now(), "silent", "the assistant is off for tenant " + tenant, settings);
        return;
      }
      state.decide(now(), "identify: " + understanding.kind().wireName(), understanding.reason(), settings);
      if (!understanding.kind().helpable()) {
        state.decide(now(), "silent", understanding.reason(), settings);
        return;
      }
      if (understanding.kind() == TurnKind.STATUS_INQUIRY) {
        Suggestion status = state.offer(StatusReport.of(view), List.of(), 1.0, Suggestion.OFFERED, now());
        countSuggestion("offered");
        state.decide(now(), "suggested " + status.id(), "status answer built from the ticket's timeline", settings);
        return;
      }
      state.decide(now(), "rewrite", "query: " + understanding.query(), settings);
      Proposal proposal = assistant.propose(new ProposeRequest(view.ticketId(), understanding.query(), tenant,
          view.product(),
          view.suggestions().stream().map(Suggestion::text).toList(),
          view.suggestions().stream().flatMap(s -> s.citations().stream()).distinct().toList()));
      if (!proposal.answered()) {
        state.decide(now(), "silent", proposal.reason(), settings);
        return;
      }
      if (Understanding.AUTO.equals(proposal.delivery()) && proposal.autoAfter() != null) {
        Suggestion suggestion = state.offer(proposal.text(), proposal.citations(), proposal.confidence(),
            Suggestion.AUTO_PENDING, now());
        Instant due = now().plus(proposal.autoAfter());
        state.scheduleAutoAnswer(suggestion, latest, due);
        countSuggestion("offered");
        state.decide(now(), "suggested " + suggestion.id() + "; answers the customer at " + due
            + " unless an analyst replies first", proposal.reason(), settings);
        return;
      }
      Suggestion suggestion = state.offer(proposal.text(), proposal.citations(), proposal.confidence(),
          Suggestion.OFFERED, now());
      countSuggestion("offered");
      state.decide(now(), "suggested " + suggestion.id() + " to the analyst", proposal.reason(), settings);
    } catch (ActivityFailure e) {
      log.warn("ticket {}: assistant failed", view.ticketId(), e);
      state.decide(now(), "silent", "assistant unavailable: " + rootMessage(e), settings);
    }
  }

  /**
   * Sends a message to the ticketing system without blocking the ticket: the message goes into the state's
   * {@link Outbox} (so a run that continues as new hands it to the next) and out through the send activity; its
   * outcome lands in the decision log when it settles.
   */
  private void send(String kind, String audience, String text, String reference, String messageKey) {
    OutboundMessage message = new OutboundMessage(state.workflowId() + "/" + messageKey, state.facts().id(), kind,
        audience, text, reference, now());
    Outbox.PendingSend pending = new Outbox.PendingSend(message, now().plus(SEND_PATIENCE));
    for (Outbox.PendingSend pushedOut : state.outbox().add(pending)) {
      state.decide(now(), "outbound abandoned", describe(pushedOut.message())
          + ": too many sends waiting on the receiver", settings);
    }
    dispatch(pending);
  }

  /** Runs one pending send as an activity, retried until it settles or its time is over. */
  private void dispatch(Outbox.PendingSend pending) {
    Duration left = Duration.between(now(), pending.giveUpAt());
    if (left.isNegative() || left.isZero()) {
      state.outbox().settle(pending.key());
      state.decide(now(), "outbound failed", describe(pending.message()) + ": not delivered within "
          + SEND_PATIENCE, settings);
      return;
    }
    OutboundActivities outbound = Workflow.newActivityStub(OutboundActivities.class,
        ActivityOptions.newBuilder(SEND_OPTIONS).setScheduleToCloseTimeout(left).build());
    Async.function(outbound::send, pending.message()).handle((result, failure) -> {
      if (!state.outbox().isPending(pending.key())) {
        return null; // pushed out of the bound meanwhile: already logged as abandoned
      }
      state.outbox().settle(pending.key());
      String what = describe(pending.message());
      if (failure != null) {
        state.decide(now(), "outbound failed", what + ": " + rootMessage(failure), settings);
        Workflow.getMetricsScope().tagged(Map.of("kind", pending.message().kind()))
            .counter("vigil_outbound_failures").inc(1);
      } else if (!"delivered".equals(result.status())) {
        state.decide(now(), "outbound not sent", what + ": " + result.detail(), settings);
      } else {
        state.decide(now(), "outbound delivered", what + " (HTTP " + result.httpStatus() + ")", settings);
      }
      return null;
    });
  }

  private static String describe(OutboundMessage message) {
    return message.kind() + " " + message.reference();
  }

  /** Interest and risk rules: alerts for the team (silence windows per rule), optional priority raise. */
  private void checkRisks(TicketView view, List<Message> turns) {
    try {
      List<RiskMatch> matches = risk.evaluate(new RiskRequest(view.ticketId(),
          view.customer() == null ? null : view.customer().tenant(),
          view.customer() == null ? null : view.customer().id(), turns.stream().map(Message::text).toList()));
      for (RiskMatch match : matches) {
        Alert alert = state.raiseAlert(match, now(), settings);
        if (alert != null) {
          Workflow.getMetricsScope().tagged(Map.of("level", alert.level(), "rule", alert.ruleId()))
              .counter("vigil_alerts").inc(1);
          send("alert", "support", alert.level() + " " + alert.description() + ": " + alert.evidence(),
              alert.ruleId(), "alert-" + alert.ruleId() + "-" + alert.at().toEpochMilli());
        }
      }
      publish();
    } catch (ActivityFailure e) {
      log.warn("ticket {}: risk rules failed", view.ticketId(), e);
      state.decide(now(), "risk rules unavailable", rootMessage(e), settings);
    }
  }

  /**
   * Counts what happens to suggestions ({@code vigil_suggestions{event=offered|adopted|…}}); the SDK reports workflow
   * metrics only outside replay, so a replayed history does not count twice.
   */
  private static void countSuggestion(String event) {
    Workflow.getMetricsScope().tagged(Map.of("event", event)).counter("vigil_suggestions").inc(1);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
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
