package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.AssessActivities;
import dev.vigil.workflows.assistant.AssessRequest;
import dev.vigil.workflows.assistant.Assessment;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.assistant.StatusReport;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.Understanding;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.shared.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
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

  private final AssessActivities assessor;
  private final TicketState state;
  private final TicketSettings settings;
  private final TicketOutbound outbound;
  private final Runnable onChange;

  /** {@code onChange} runs when the turn changed what the ticket publishes (an alert raising its priority). */
  AssistantTurn(TicketState state, TicketSettings settings, TicketOutbound outbound, Runnable onChange) {
    // no LLM: the turn takes milliseconds, so it runs inside the workflow task (one round trip through Temporal);
    // with an LLM it takes seconds and runs on the heavy queue, where its slots cannot starve workflow tasks
    this.assessor = settings.assistantInProcess()
        ? Workflow.newLocalActivityStub(AssessActivities.class, LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setBackoffCoefficient(2.0)
                .setMaximumAttempts(3)
                .build())
            .build())
        : Workflow.newActivityStub(AssessActivities.class, ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.HEAVY)
            .setStartToCloseTimeout(Duration.ofSeconds(90))
            .setRetryOptions(RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setBackoffCoefficient(2.0)
                .setMaximumAttempts(3)
                .build())
            .build());
    this.state = state;
    this.settings = settings;
    this.outbound = outbound;
    this.onChange = onChange;
  }

  /**
   * The proactive pipeline on the batched customer turns: identify and rewrite, then retrieve, answer and suppress
   * repeats; every outcome, silence included, goes into the decision log. Suggestions go privately to the analyst.
   */
  void take(List<Message> turns) {
    Message latest = turns.get(turns.size() - 1);
    if (!state.status().isOpen()) {
      state.decide(now(), "silent", "ticket is " + state.status().wireName(), settings);
      return;
    }
    if (state.assistantPaused()) {
      state.decide(now(), "silent", "paused by analyst", settings);
      return;
    }
    TicketView view = state.view();
    String tenant = view.customer() == null ? null : view.customer().tenant();
    boolean answer = !state.analystRepliedAfter(latest);
    AssessRequest request = new AssessRequest(view.ticketId(), tenant,
        view.customer() == null ? null : view.customer().id(), view.subject(), view.product(),
        turns.stream().map(Message::text).toList(), answer,
        view.suggestions().stream().map(Suggestion::text).toList(),
        view.suggestions().stream().flatMap(s -> s.citations().stream()).distinct().toList());
    Assessment assessment;
    try {
      assessment = assessor.assess(request);
    } catch (ActivityFailure e) {
      log.warn("ticket {}: assistant failed", view.ticketId(), e);
      state.decide(now(), "silent", "assistant unavailable: " + TicketMetrics.rootMessage(e), settings);
      riskRulesAlone(request);
      return;
    }
    raiseAlerts(assessment);
    if (!answer) {
      state.decide(now(), "silent", "an analyst already replied to the customer", settings);
      return;
    }
    decide(state.view(), assessment.understanding(), assessment.proposal(), latest);
  }

  /** When answering failed, the alerts still go out: the same turn, risk rules only. */
  private void riskRulesAlone(AssessRequest request) {
    try {
      raiseAlerts(assessor.assess(request.withoutAnswer()));
    } catch (ActivityFailure e) {
      state.decide(now(), "risk rules unavailable", TicketMetrics.rootMessage(e), settings);
    }
  }

  /** Interest and risk rules: alerts for the team (silence windows per rule), optional priority raise. */
  private void raiseAlerts(Assessment assessment) {
    if (assessment.riskFailure() != null) {
      state.decide(now(), "risk rules unavailable", assessment.riskFailure(), settings);
    }
    for (RiskMatch match : assessment.risks()) {
      Alert alert = state.raiseAlert(match, now(), settings);
      if (alert != null) {
        TicketMetrics.alert(alert);
        outbound.send(OutboundKind.ALERT, alert.level() + " " + alert.description() + ": " + alert.evidence(),
            alert.ruleId(), "alert-" + alert.ruleId() + "-" + alert.at().toEpochMilli());
      }
    }
    onChange.run();
  }

  /** Records what the turn found and offers its answer: every outcome, silence included, in the decision log. */
  private void decide(TicketView view, Understanding understanding, Proposal proposal, Message latest) {
    String tenant = view.customer() == null ? null : view.customer().tenant();
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
      TicketMetrics.suggestion("offered");
      state.decide(now(), "suggested " + status.id(), "status answer built from the ticket's timeline", settings);
      return;
    }
    state.decide(now(), "rewrite", "query: " + understanding.query(), settings);
    if (!proposal.answered()) {
      state.decide(now(), "silent", proposal.reason(), settings);
      return;
    }
    if (Understanding.AUTO.equals(proposal.delivery()) && proposal.autoAfter() != null) {
      Suggestion suggestion = state.offer(proposal.text(), proposal.citations(), proposal.confidence(),
          Suggestion.AUTO_PENDING, now());
      Instant due = now().plus(proposal.autoAfter());
      state.scheduleAutoAnswer(suggestion, latest, due);
      TicketMetrics.suggestion("offered");
      state.decide(now(), "suggested " + suggestion.id() + "; answers the customer at " + due
          + " unless an analyst replies first", proposal.reason(), settings);
      return;
    }
    Suggestion suggestion = state.offer(proposal.text(), proposal.citations(), proposal.confidence(),
        Suggestion.OFFERED, now());
    TicketMetrics.suggestion("offered");
    state.decide(now(), "suggested " + suggestion.id() + " to the analyst", proposal.reason(), settings);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
