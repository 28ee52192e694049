package dev.vigil.starter.erasure;

import dev.vigil.starter.audit.Audit;
import dev.vigil.starter.config.RetentionProperties;
import dev.vigil.starter.runs.WorkflowRuns;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes closed tickets' workflow runs (and their learning runs) once they have been over for
 * {@code vigil.retention.closed-tickets}. Knowledge learned from them stays: it is redacted and generic, and its
 * provenance names only ticket ids. Every web replica may sweep; removing a removed run is a no-op.
 */
@Component
public class ClosedTicketRetention implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(ClosedTicketRetention.class);

  private final RetentionProperties retention;
  private final WorkflowRuns runs;
  private final Clock clock;
  private ScheduledExecutorService timer;

  @Autowired
  public ClosedTicketRetention(RetentionProperties retention, WorkflowRuns runs) {
    this(retention, runs, Clock.systemUTC());
  }

  public ClosedTicketRetention(RetentionProperties retention, WorkflowRuns runs, Clock clock) {
    this.retention = retention;
    this.runs = runs;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (retention.closedTickets() == null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-retention");
      t.setDaemon(true);
      return t;
    });
    long every = retention.sweepInterval().toMillis();
    timer.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    log.info("closed tickets' runs are removed {} after they end (checked every {})", retention.closedTickets(),
        retention.sweepInterval());
  }

  private void sweepLogged() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // the next sweep tries again; nothing is half-removed that it would not find
      log.warn("retention sweep failed; retrying in {}", retention.sweepInterval(), e);
    }
  }

  /** Removes the runs of tickets that ended before now minus the retention; answers how many tickets. */
  public int sweep() {
    if (retention.closedTickets() == null) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(retention.closedTickets());
    int tickets = 0;
    int removed = 0;
    for (String ticket : runs.ticketsClosedBefore(cutoff)) {
      for (String learning : runs.learningOf(ticket)) {
        removed += runs.remove(learning);
      }
      removed += runs.remove(ticket);
      tickets++;
    }
    if (tickets > 0) {
      Audit.record("retention endedBefore=" + cutoff + " tickets=" + tickets + " runsRemoved=" + removed
          + " mechanism=" + runs.mechanism());
    }
    return tickets;
  }

  @Override
  public void destroy() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
