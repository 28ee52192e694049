package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer turns waiting for the assistant: it takes them together once no further turn has arrived for the batch
 * window ({@code vigil.ticket.assistant-batch-window}). Keeps the newest {@link TicketBudget#ASSISTANT_QUEUE} turns
 * within {@link TicketBudget#ASSISTANT_QUEUE_BYTES}.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class AssistantQueue {
  private Duration window;
  private ArrayList<Message> turns = new ArrayList<>();
  private Instant dueAt;

  /** For Jackson. */
  AssistantQueue() {}

  AssistantQueue(Duration window) {
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("the batch window must be zero or positive");
    }
    this.window = window;
  }

  /** Queues a turn; the queue is due a window after it. */
  void add(Message turn, Instant now) {
    turns.add(turn);
    Bounded.trim(turns, TicketBudget.ASSISTANT_QUEUE, TicketBudget.ASSISTANT_QUEUE_BYTES, Dialogue::cost);
    dueAt = now.plus(window);
  }

  /** When the queued turns are due for the assistant, or null when none are queued. */
  Instant dueAt() {
    return turns.isEmpty() ? null : dueAt;
  }

  /** The queued turns, oldest first, emptying the queue. */
  List<Message> take() {
    List<Message> taken = List.copyOf(turns);
    turns.clear();
    dueAt = null;
    return taken;
  }
}
