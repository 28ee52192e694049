package dev.vigil.workflows.ticket;

import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The ticket's sends to the ticketing system, inside its workflow: never blocking the ticket. Each message goes into
 * the state's {@link Outbox} (so a run that continues as new hands it to the next, which re-issues it under the same
 * idempotency key) and out through the send activity; its outcome lands in the decision log when it settles.
 */
final class TicketOutbound {
  /** How long a message is retried before Vigil gives it up, across runs. */
  static final Duration SEND_PATIENCE = Duration.ofDays(1);

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

  private final TicketState state;

  TicketOutbound(TicketState state) {
    this.state = state;
  }

  /** Re-issues the sends the previous run handed over. */
  void resumeHandedOver() {
    state.outbox().pending().forEach(this::dispatch);
  }

  /** Whether every send has settled. */
  boolean settled() {
    return state.outbox().pending().isEmpty();
  }

  /** Vigil's message to the customer: a direct answer or a progress update. */
  void toCustomer(OutboundKind kind, Message message) {
    String reference = kind == OutboundKind.ANSWER ? message.id().substring(Message.SUGGESTION_PREFIX.length())
        : message.id();
    send(kind, message.text(), reference, message.id());
  }

  /** An analyst adopted or edited suggestion {@code suggestionId}: {@code reply} goes to the customer. */
  void analystReply(String suggestionId, Message reply) {
    send(OutboundKind.ANALYST_REPLY, reply.text(), suggestionId, reply.id());
  }

  /** A customer turn waits too long: {@code kind} is a reminder to the analysts or an escalation to on-call. */
  void reminder(OutboundKind kind, Instant now) {
    send(kind, "Customer waiting for a reply on ticket " + state.facts().id() + ": \"" + state.facts().subject()
        + "\"", kind.wireName(), kind.wireName() + "-" + now.toEpochMilli());
  }

  void alert(Alert alert) {
    send(OutboundKind.ALERT, alert.level() + " " + alert.description() + ": " + alert.evidence(), alert.ruleId(),
        "alert-" + alert.ruleId() + "-" + alert.at().toEpochMilli());
  }

  /**
   * What an analyst did in Vigil goes back to the ticketing system, the system of record: a message to the
   * customer as a reply, a resolution, closing, assignment or priority as a change to the ticket. (What came from the
   * system is already there.)
   */
  void writeBack(TicketEvent event, Message added) {
    String key = "action-" + event.eventId();
    switch (event.type()) {
      case MESSAGE_POSTED -> {
        if (added != null && added.role() == Role.ANALYST) {
          send(OutboundKind.ANALYST_MESSAGE, added.text(), added.id(), added.id());
        }
      }
      case RESOLVED -> send(OutboundKind.RESOLVED, event.resolutionNote() == null ? "" : event.resolutionNote(),
          event.eventId(), key);
      case CLOSED -> send(OutboundKind.CLOSED, "", event.eventId(), key);
      case ASSIGNED -> send(OutboundKind.ASSIGNED, event.analyst().id(), event.eventId(), key);
      case PRIORITY_CHANGED -> send(OutboundKind.PRIORITY_CHANGED, event.ticket().priority().name(),
          event.eventId(), key);
      default -> throw new IllegalArgumentException("nothing to write back for " + event.type());
    }
  }

  /** Sends a message; {@code messageKey} makes its idempotency key, unique on the ticket. */
  private void send(OutboundKind kind, String text, String reference, String messageKey) {
    state.rememberSent(text);
    OutboundMessage message = new OutboundMessage(state.workflowId() + "/" + messageKey, state.facts().id(), kind,
        kind.audience(), text, reference, now());
    Outbox.PendingSend pending = new Outbox.PendingSend(message, now().plus(SEND_PATIENCE));
    for (Outbox.PendingSend pushedOut : state.outbox().add(pending)) {
      state.decide(now(), DecisionKind.OUTBOUND_ABANDONED, "outbound abandoned", describe(pushedOut.message())
          + ": too many sends waiting on the receiver");
    }
    dispatch(pending);
  }

  /** Runs one pending send as an activity, retried until it settles or its time is over. */
  private void dispatch(Outbox.PendingSend pending) {
    Duration left = Duration.between(now(), pending.giveUpAt());
    if (left.isNegative() || left.isZero()) {
      state.outbox().settle(pending.key());
      state.decide(now(), DecisionKind.OUTBOUND_FAILED, "outbound failed", describe(pending.message())
          + ": not delivered within " + SEND_PATIENCE);
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
        state.decide(now(), DecisionKind.OUTBOUND_FAILED, "outbound failed", what + ": "
            + TicketMetrics.rootMessage(failure));
        TicketMetrics.outboundFailure(pending.message().kind());
      } else if (!result.delivered()) {
        state.decide(now(), DecisionKind.OUTBOUND_NOT_SENT, "outbound not sent", what + ": " + result.detail());
      } else {
        state.decide(now(), DecisionKind.OUTBOUND_DELIVERED, "outbound delivered", what + " (HTTP "
            + result.httpStatus() + ")");
      }
      return null;
    });
  }

  private static String describe(OutboundMessage message) {
    return message.kind().wireName() + " " + message.reference();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
