package dev.vigil.activities.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.workflows.notify.OutboundFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Calls a vendor's REST API with the outbound retry policy: {@code 2xx} answers its JSON; {@code 429} (and GitHub's
 * rate-limit {@code 403}) fails the attempt with the vendor's {@code Retry-After} as Temporal's next retry delay;
 * {@code 408}, {@code 5xx} and network errors fail the attempt for an ordinary retry; any other {@code 4xx} is final:
 * a non-retryable {@link OutboundFailures#REJECTED} failure, which the ticket records in its decision log.
 */
public final class VendorHttp {
  /** The longest wait a vendor can ask for; a longer Retry-After is capped (Temporal still retries). */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Clock clock;

  public VendorHttp() {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
  }

  VendorHttp(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  public static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise request body", e);
    }
  }

  /** A request to {@code base + path} ({@code base} may carry a path prefix such as {@code /api/v3}). */
  public static HttpRequest.Builder request(String base, String path) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return HttpRequest.newBuilder(URI.create(root + path))
        .timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("User-Agent", "Vigil");
  }

  /** The answer of a successful call: its status and JSON body (an empty object when there was none). */
  public record Answer(int status, JsonNode body) {}

  /** Sends {@code request}; {@code what} names the call in failures ({@code "zendesk comment on 35436"}). */
  public Answer send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Answer(status, parse(response.body()));
    }
    String detail = what + " answered " + status + ": " + abbreviate(response.body());
    Optional<Duration> rateLimited = rateLimitWait(response);
    if (rateLimited.isPresent()) {
      throw ApplicationFailure.newBuilder()
          .setMessage(detail + " (retrying after " + rateLimited.get().toSeconds() + " s)")
          .setType("VendorRateLimited")
          .setNextRetryDelay(rateLimited.get())
          .build();
    }
    if (status == 408 || status >= 500) {
      throw new IllegalStateException(detail);
    }
    throw ApplicationFailure.newNonRetryableFailure(detail, OutboundFailures.REJECTED);
  }

  /** How long the vendor asks us to wait, when this answer is a rate limit. */
  Optional<Duration> rateLimitWait(HttpResponse<?> response) {
    int status = response.statusCode();
    Optional<String> retryAfter = response.headers().firstValue("Retry-After");
    boolean githubLimit = status == 403 && (retryAfter.isPresent()
        || response.headers().firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false));
    if (status != 429 && !githubLimit) {
      return Optional.empty();
    }
    Duration wait = retryAfter.map(this::parseRetryAfter)
        .or(() -> response.headers().firstValue("x-ratelimit-reset").map(this::untilEpochSecond))
        .orElse(Duration.ofSeconds(30));
    if (wait.isNegative() || wait.isZero()) {
      wait = Duration.ofSeconds(1);
    }
    return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
  }

  /** {@code Retry-After}: delay-seconds or an HTTP-date. */
  private Duration parseRetryAfter(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Duration.between(clock.instant(), at);
      } catch (DateTimeParseException e2) {
        return Duration.ofSeconds(30);
      }
    }
  }

  private Duration untilEpochSecond(String value) {
    try {
      return Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(30);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
