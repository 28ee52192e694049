package dev.vigil.workflows.learning;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Learning activities for workflow tests: keep what they were given, optionally hold until released. */
public class RecordingLearningActivities implements LearningActivities {
  public final List<ClosedTicket> recorded = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Makes the next calls block until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    gate.countDown();
  }

  @Override
  public LearningOutcome recordClosedTicket(ClosedTicket ticket) {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the learning activity");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    recorded.add(ticket);
    return new LearningOutcome(ticket.ticket().ticketId(), ticket.closeNumber(), "memory", Instant.EPOCH);
  }
}
