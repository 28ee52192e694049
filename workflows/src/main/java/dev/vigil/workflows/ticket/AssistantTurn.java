package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.AssessActivities;
import dev.vigil.workflows.assistant.AssessRequest;
import dev.vigil.workflows.assistant.Assessment;
import dev.vigil.workflows.assistant.Delivery;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.assistant.StatusReport;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.Understanding;
import dev.vigil.workflows.shared.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * The assistant's turn inside the ticket workflow, on the customer turns batched since the last one: risk rules
 * first (alerts must not wait on an answer), then identify, rewrite, retrieve and answer; every outcome, silence
 * included, goes into the decision log. Suggestions go privately to the analyst, alerts out to the support team.
 */
final class AssistantTurn {
  private static final Logger log = Workflow.getLogger(AssistantTurn.class);

  /**
   * A turn taken this much after it was due shows workflow tasks queueing up (a burst, a backlog): it runs on the heavy
   * queue instead of inside the workflow task, so workflow tasks — timers above all — are not held behind turns.
   */
  static final Duration BACKLOG = Duration.ofSeconds(2);
  /** A failed turn is retried twice, then recorded as the assistant being unavailable (the risk rules still run). */
  private static final RetryOptions RETRIES = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofMillis(500))
      .setBackoffCoefficient(2.0)
      .setMaximumAttempts(3)
      .build();
  /** Version gate: late in-process turns offloaded to the heavy queue. */
  static final String OFFLOAD = "assistant-offload";

  private final boolean inProcess;
  private boolean concurrent;
  private boolean running;
  private boolean finished;
  private final AssessActivities local;
  private final AssessActivities heavy;
  private final TicketState state;
  private final TicketOutbound outbound;
  private final Runnable onChange;

  /** {@code onChange} runs when the turn changed what the ticket publishes (an alert raising its priority). */
  AssistantTurn(TicketState state, boolean inProcess, TicketOutbound outbound, Runnable onChange) {
    // no LLM: the turn takes milliseconds, so it runs inside the workflow task (one round trip through Temporal);
    // with an LLM it takes seconds and runs on the heavy queue, where its slots cannot starve workflow tasks
    this.inProcess = inProcess;
    this.local = Workflow.newLocalActivityStub(AssessActivities.class, LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RETRIES)
        .build());
    this.heavy = Workflow.newActivityStub(AssessActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.HEAVY)
        .setStartToCloseTimeout(Duration.ofSeconds(90))
        .setRetryOptions(RETRIES)
        .build());
    this.state = state;
    this.outbound = outbound;
    this.onChange = onChange;
  }

  /** A new customer turn: queued for the next turn, which waits for the batch window (or silence when paused). */
  void offer(Message turn) {
    if (state.assistantPaused()) {
      silent("paused by analyst");
    } else {
      state.queueForAssistant(turn, now());
    }
  }

  /**
   * {@code concurrent}: the turn runs beside the ticket's loop (timers, events and sends go on while it embeds and
   * searches) instead of blocking it; false replays runs recorded before that.
   */
  void runConcurrently(boolean concurrent) {
    this.concurrent = concurrent;
  }

  /** When the queued turns are due, or null while a turn is still running (they go next) or none is queued. */
  Instant dueAt() {
    return running ? null : state.assistDueAt();
  }

  /** Whether a turn is running (the run neither continues as new nor completes meanwhile). */
  boolean running() {
    return running;
  }

  /** Whether a running turn has finished since {@link #acknowledge()}: the loop wakes to take the next one. */
  boolean finished() {
    return finished;
  }

  void acknowledge() {
    finished = false;
  }

  /** Takes the turn on the queued customer turns once their batch window is over. */
  void takeIfDue() {
    Instant due = dueAt();
    if (due != null && !now().isBefore(due)) {
      take(state.takePendingTurns(), assessorFor(due));
    }
  }

  /**
   * In process (a local activity, one round trip) while the worker keeps up; on the heavy queue with an LLM, or when
   * the turn comes {@link #BACKLOG} late — both decided from workflow time, so a replay decides the same.
   */
  private AssessActivities assessorFor(Instant due) {
    if (!inProcess) {
      return heavy;
    }
    boolean late = Duration.between(due, now()).compareTo(BACKLOG) > 0;
    return late && Workflow.getVersion(OFFLOAD, Workflow.DEFAULT_VERSION, 1) >= 1 ? heavy : local;
  }

  /**
   * The proactive pipeline on the batched customer turns: identify and rewrite, then retrieve, answer and suppress
   * repeats; every outcome, silence included, goes into the decision log. Suggestions go privately to the analyst.
   */
  private void take(List<Message> turns, AssessActivities assessor) {
    Message latest = turns.get(turns.size() - 1);
    if (!state.status().isOpen()) {
      silent("ticket is " + state.status().wireName());
      return;
    }
    if (state.assistantPaused()) {
      silent("paused by analyst");
      return;
    }
    TicketView view = state.view();
    String tenant = view.customer() == null ? null : view.customer().tenant();
    boolean answer = !state.analystRepliedAfter(latest);
    AssessRequest request = new AssessRequest(view.ticketId(), tenant,
        view.customer() == null ? null : view.customer().id(), view.subject(), view.product(),
        turns.stream().map(Message::text).toList(), answer,
        view.suggestions().stream().map(Suggestion::text).toList(),
        view.suggestions().stream().flatMap(s -> s.citations().stream()).distinct().toList(),
        DialogueContext.before(view.messages(), turns));
    if (concurrent) {
      running = true;
      Async.function(assessor::assess, request).handle((assessment, failure) -> {
        if (failure != null) {
          failed(request, assessor, failure);
        } else {
          conclude(assessment, answer, latest);
          done();
        }
        return null;
      });
      return;
    }
    Assessment assessment;
    try {
      assessment = assessor.assess(request);
    } catch (ActivityFailure e) {
      log.warn("ticket {}: assistant failed", view.ticketId(), e);
      silent("assistant unavailable: " + TicketMetrics.rootMessage(e));
      riskRulesAlone(request, assessor);
      return;
    }
    conclude(assessment, answer, latest);
  }

  /** What the turn's assessment means for the ticket, which may have moved on while it ran. */
  private void conclude(Assessment assessment, boolean answer, Message latest) {
    raiseAlerts(assessment);
    if (!answer) {
      silent("an analyst already replied to the customer");
      return;
    }
    if (state.analystRepliedAfter(latest)) {
      silent("an analyst replied to the customer meanwhile");
      return;
    }
    if (!state.status().isOpen()) {
      silent("ticket is " + state.status().wireName());
      return;
    }
    decide(state.view(), assessment.understanding(), assessment.proposal(), latest);
  }

  /** A running turn failed: the reason in the log, and the risk rules alone still get their chance. */
  private void failed(AssessRequest request, AssessActivities assessor, Throwable failure) {
    log.warn("ticket {}: assistant failed", request.ticketId(), failure);
    silent("assistant unavailable: " + TicketMetrics.rootMessage(failure));
    Async.function(assessor::assess, request.withoutAnswer()).handle((assessment, riskFailure) -> {
      if (riskFailure != null) {
        state.decide(now(), DecisionKind.RISK_RULES_UNAVAILABLE, "risk rules unavailable",
            TicketMetrics.rootMessage(riskFailure));
      } else {
        raiseAlerts(assessment);
      }
      done();
      return null;
    });
  }

  private void done() {
    running = false;
    finished = true;
  }

  /** When answering failed, the alerts still go out: the same turn, risk rules only. */
  private void riskRulesAlone(AssessRequest request, AssessActivities assessor) {
    try {
      raiseAlerts(assessor.assess(request.withoutAnswer()));
    } catch (ActivityFailure e) {
      state.decide(now(), DecisionKind.RISK_RULES_UNAVAILABLE, "risk rules unavailable", TicketMetrics.rootMessage(e));
    }
  }

  /** Interest and risk rules: alerts for the team (silence windows per rule), optional priority raise. */
  private void raiseAlerts(Assessment assessment) {
    if (assessment.riskFailure() != null) {
      state.decide(now(), DecisionKind.RISK_RULES_UNAVAILABLE, "risk rules unavailable", assessment.riskFailure());
    }
    for (RiskMatch match : assessment.risks()) {
      Alert alert = state.raiseAlert(match, now());
      if (alert != null) {
        TicketMetrics.alert(alert);
        outbound.alert(alert);
      }
    }
    onChange.run();
  }

  /** Records what the turn found and offers its answer: every outcome, silence included, in the decision log. */
  private void decide(TicketView view, Understanding understanding, Proposal proposal, Message latest) {
    String tenant = view.customer() == null ? null : view.customer().tenant();
    if (understanding.delivery() == Delivery.OFF) {
      silent("the assistant is off for tenant " + tenant);
      return;
    }
    state.decide(now(), DecisionKind.IDENTIFIED, "identify: " + understanding.kind().wireName(),
        understanding.reason());
    if (!understanding.kind().helpable()) {
      silent(understanding.reason());
      return;
    }
    if (understanding.kind() == TurnKind.STATUS_INQUIRY) {
      Suggestion status = state.offer(StatusReport.of(view), List.of(), 1.0, SuggestionState.OFFERED, now());
      TicketMetrics.suggestion("offered");
      state.decide(now(), DecisionKind.SUGGESTED, "suggested " + status.id(),
          "status answer built from the ticket's timeline");
      return;
    }
    state.decide(now(), DecisionKind.REWRITTEN, "rewrite", "query: " + understanding.query());
    if (!proposal.answered()) {
      silent(proposal.reason());
      return;
    }
    if (proposal.delivery() == Delivery.AUTO && proposal.autoAfter() != null) {
      Suggestion suggestion = state.offer(proposal.text(), proposal.citations(), proposal.confidence(),
          SuggestionState.AUTO_PENDING, now());
      Instant due = now().plus(proposal.autoAfter());
      state.scheduleAutoAnswer(suggestion, latest, due);
      TicketMetrics.suggestion("offered");
      state.decide(now(), DecisionKind.SUGGESTED, "suggested " + suggestion.id() + "; answers the customer at "
          + due + " unless an analyst replies first", proposal.reason());
      return;
    }
    Suggestion suggestion = state.offer(proposal.text(), proposal.citations(), proposal.confidence(),
        SuggestionState.OFFERED, now());
    TicketMetrics.suggestion("offered");
    state.decide(now(), DecisionKind.SUGGESTED, "suggested " + suggestion.id() + " to the analyst",
        proposal.reason());
  }

  private void silent(String reason) {
    state.decide(now(), DecisionKind.SILENT, "silent", reason);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
