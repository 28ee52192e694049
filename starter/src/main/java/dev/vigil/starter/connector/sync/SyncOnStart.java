package dev.vigil.starter.connector.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code VIGIL_SYNC_ON_START=true}: once the application is ready, resyncs every system whose API is configured
 * (tickets updated within {@code VIGIL_SYNC_SINCE}, default 30 days), in the background so start-up is not held up.
 * A failing system is logged and the others still sync; a later manual sync resumes where it failed (idempotent).
 */
@Component
public class SyncOnStart {
  private static final Logger log = LoggerFactory.getLogger(SyncOnStart.class);

  private final TicketSync sync;
  private final boolean enabled;
  private final Duration since;
  private final Clock clock;

  @Autowired
  public SyncOnStart(TicketSync sync, @Value("${vigil.sync.on-start:false}") boolean enabled,
      @Value("${vigil.sync.since:30d}") Duration since) {
    this(sync, enabled, since, Clock.systemUTC());
  }

  SyncOnStart(TicketSync sync, boolean enabled, Duration since, Clock clock) {
    this.sync = sync;
    this.enabled = enabled;
    this.since = since;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    if (!enabled || sync.sources().isEmpty()) {
      return;
    }
    Thread thread = new Thread(this::syncAll, "vigil-sync-on-start");
    thread.setDaemon(true);
    thread.start();
  }

  /** Syncs each configured system in turn; answers the summaries of those that completed. */
  List<TicketSync.Summary> syncAll() {
    Instant from = clock.instant().minus(since);
    List<TicketSync.Summary> done = new java.util.ArrayList<>();
    for (String source : sync.sources().stream().sorted().toList()) {
      try {
        TicketSync.Summary summary = sync.sync(source, from, TicketSync.Progress.NONE);
        log.info("resynced {}: {} open tickets, {} events delivered{}", source, summary.tickets(), summary.events(),
            summary.skipped().isEmpty() ? "" : ", skipped " + summary.skipped());
        done.add(summary);
      } catch (RuntimeException e) {
        log.warn("resync of {} failed (run it again; it is idempotent): {}", source, e.getMessage(), e);
      }
    }
    return done;
  }
}
