package dev.vigil.starter.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A source of live page updates: one daemon thread polls at a fixed delay while the application runs (a failing
 * poll is logged and the next one still runs), says when a heartbeat is due so streams of closed tabs are found,
 * and on shutdown ends every open stream before the web server's graceful shutdown would wait for them.
 */
abstract class PollingWatch implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PollingWatch.class);
  /** A page's stream ends after this long; the browser's EventSource reconnects by itself. */
  static final Duration STREAM_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final String name;
  private final Duration every;
  private volatile ScheduledExecutorService executor;
  private volatile long lastHeartbeat = System.nanoTime();

  PollingWatch(String name, Duration every) {
    this.name = name;
    this.every = every;
  }

  /** One round: read what pages show and send them what changed (and a heartbeat comment when due). */
  abstract void poll(boolean heartbeat);

  /** Completes every open stream. */
  abstract void closeStreams();

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    long millis = every.toMillis();
    executor.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void pollSafely() {
    boolean heartbeat = System.nanoTime() - lastHeartbeat > HEARTBEAT.toNanos();
    if (heartbeat) {
      lastHeartbeat = System.nanoTime();
    }
    try {
      poll(heartbeat);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // anything else escaping would cancel the schedule for good
      log.warn("{} failed; it runs again in {}", name, every, e);
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    closeStreams();
  }
}
