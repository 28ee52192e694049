package dev.vigil.workflows.notify;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Port to the ticketing system's outbound webhook. */
@ActivityInterface
public interface OutboundActivities {

  /** Delivers one message, signed, with its idempotency key; throws so the activity retries when it fails. */
  @ActivityMethod
  OutboundResult send(OutboundMessage message);
}
