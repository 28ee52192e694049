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
  private final TicketSettings settings;

  TicketOutbound(TicketState state, TicketSettings settings) {
    this.state = state;
    this.settings = settings;
  }

  /** Re-issues the sends the previous run handed over. */
  void resumeHandedOver() {
    state.outbox().pending().forEach(this::dispatch);
  }

  /** Whether every send has settled. */
  boolean settled() {
    return state.outbox().pending().isEmpty();
  }

  /** Sends a message; {@code messageKey} makes its idempotency key, unique on the ticket. */
  void send(OutboundKind kind, String text, String reference, String messageKey) {
    OutboundMessage message = new OutboundMessage(state.workflowId() + "/" + messageKey, state.facts().id(),
        kind.wireName(), kind.audience(), text, reference, now());
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
        state.decide(now(), "outbound failed", what + ": " + TicketMetrics.rootMessage(failure), settings);
        TicketMetrics.outboundFailure(pending.message().kind());
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

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
