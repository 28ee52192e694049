package dev.vigil.workflows.testing;

import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An outbound receiver for workflow tests that de-duplicates by idempotency key, as a ticketing system does. It can
 * lose the response of the first attempts (the message arrived, the sender saw a failure) to exercise retries.
 */
public class RecordingOutbound implements OutboundActivities {
  public final List<OutboundMessage> attempts = new CopyOnWriteArrayList<>();
  public final Set<String> applied = ConcurrentHashMap.newKeySet();
  public final AtomicInteger failuresToInject = new AtomicInteger();

  /** The messages the receiver applied, once each. */
  public List<OutboundMessage> delivered() {
    return attempts.stream().filter(m -> applied.contains(m.idempotencyKey()))
        .collect(java.util.stream.Collectors.toMap(OutboundMessage::idempotencyKey, m -> m, (a, b) -> a))
        .values().stream().toList();
  }

  @Override
  public OutboundResult send(OutboundMessage message) {
    attempts.add(message);
    applied.add(message.idempotencyKey());
    if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("response lost");
    }
    return new OutboundResult(SendStatus.DELIVERED, 202, "");
  }
}
