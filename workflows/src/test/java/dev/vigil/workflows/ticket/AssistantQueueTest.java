package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssistantQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private static Message turn(int i, String text) {
    return new Message("m" + i, Role.CUSTOMER, "c", text, T0, "e" + i, T0);
  }

  @Test
  void dueAWindowAfterTheLatestTurn_takenTogetherOnce() {
    AssistantQueue queue = new AssistantQueue(Duration.ofSeconds(2));
    assertThat(queue.dueAt()).isNull();
    queue.add(turn(1, "a"), T0);
    queue.add(turn(2, "b"), T0.plusSeconds(1));
    assertThat(queue.dueAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(queue.take()).extracting(Message::id).containsExactly("m1", "m2");
    assertThat(queue.dueAt()).isNull();
    assertThat(queue.take()).isEmpty();
  }

  @Test
  void keepsTheNewestTurnsWithinItsBudget() {
    AssistantQueue queue = new AssistantQueue(Duration.ofSeconds(1));
    for (int i = 0; i < 50; i++) {
      queue.add(turn(i, "x".repeat(8_000)), T0);
    }
    var taken = queue.take();
    assertThat(taken.size()).isLessThanOrEqualTo(TicketBudget.ASSISTANT_QUEUE);
    assertThat(taken.stream().mapToInt(Dialogue::cost).sum()).isLessThanOrEqualTo(TicketBudget.ASSISTANT_QUEUE_BYTES);
    assertThat(taken).last().extracting(Message::id).isEqualTo("m49");
  }
}
