package dev.vigil.starter.connector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.VendorHttp;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * GET requests of a resync, with the vendor's limits honoured in-process (there is no Temporal retry here): a rate
 * limit waits the vendor's Retry-After (at most {@code maxWait}) and tries again; 5xx and network errors try again
 * with backoff; a page that still fails, or any other 4xx, ends the resync with the error.
 */
public final class PagedApi {
  private static final int ATTEMPTS = 5;

  private final VendorHttp http;
  private final Duration maxWait;
  private final Sleeper sleeper;

  /** How to wait; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public PagedApi(VendorHttp http) {
    this(http, Duration.ofMinutes(1), duration -> Thread.sleep(duration.toMillis()));
  }

  public PagedApi(VendorHttp http, Duration maxWait, Sleeper sleeper) {
    this.http = http;
    this.maxWait = maxWait;
    this.sleeper = sleeper;
  }

  /** The JSON answer of the request {@code request} builds (built anew for each attempt). */
  public JsonNode get(Supplier<HttpRequest> request, String what) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return http.send(request.get(), what).body();
      } catch (ApplicationFailure e) {
        if (e.isNonRetryable()) {
          throw e;
        }
        last = e;
        Duration wait = e.getNextRetryDelay() != null ? e.getNextRetryDelay() : backoff(attempt);
        pause(wait.compareTo(maxWait) > 0 ? maxWait : wait);
      } catch (RuntimeException e) {
        last = e;
        pause(backoff(attempt));
      }
    }
    throw last;
  }

  private static Duration backoff(int attempt) {
    return Duration.ofMillis(500L << Math.min(attempt - 1, 6));
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("resync interrupted", e);
    }
  }
}
