package dev.vigil.starter.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One daemon thread that runs a task at a fixed delay; a failing run is logged and the next one still runs. */
final class Poller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  private final ScheduledExecutorService executor;

  Poller(String name, Duration every, Runnable task) {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    long millis = every.toMillis();
    executor.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) { // anything else escaping would cancel the schedule for good
        log.warn("{} failed; it runs again in {} ms", name, millis, e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
