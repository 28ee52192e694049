package dev.vigil.workflows.ticket;

import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The ticket's inbox, inside its workflow: signal and update handlers only enqueue, the main loop applies in arrival
 * order, and an analyst's update waits at its position until the loop has answered it. Deterministic: no commands.
 */
final class Inbox {

  /**
   * An event waiting to be applied; {@code fromSource}: delivered by the ticketing system (a signal), otherwise an
   * analyst's action whose update waits at {@code position} for its result.
   */
  record Inbound(TicketEvent event, boolean fromSource, long position) {}

  private final ArrayDeque<Inbound> queue = new ArrayDeque<>();
  private final Map<Long, ActionResult> results = new HashMap<>();
  private long enqueued;
  private long processed;

  /** Queues an event; returns its position. */
  long add(TicketEvent event, boolean fromSource) {
    queue.add(new Inbound(event, fromSource, ++enqueued));
    return enqueued;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** The oldest queued event, or null. */
  Inbound next() {
    return queue.poll();
  }

  /** {@code inbound} was applied; an analyst's action gets {@code result} as its answer. */
  void done(Inbound inbound, ActionResult result) {
    if (!inbound.fromSource()) {
      results.put(inbound.position(), result);
    }
    processed++;
  }

  /** Waits (in an update handler) until the event at {@code position} is applied; returns its result. */
  ActionResult awaitResult(long position) {
    Workflow.await(() -> processed >= position);
    return results.remove(position);
  }
}
