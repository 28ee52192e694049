package dev.vigil.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends Vigil's messages to the ticketing system's outbound webhook ({@code VIGIL_OUTBOUND_URL}): a JSON body signed
 * like inbound webhooks ({@code X-Vigil-Signature}), and an {@code Idempotency-Key} that is the same on every retry.
 * Timeouts, 408, 429 and 5xx fail the attempt so Temporal retries it; other 4xx are final.
 */
public class HttpOutboundActivities implements OutboundActivities {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final URI url;
  private final WebhookSignature signature;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** {@code url} null or blank: messages are recorded on the ticket only, and reported as not configured. */
  public HttpOutboundActivities(String url, WebhookSignature signature) {
    this.url = url == null || url.isBlank() ? null : URI.create(url);
    this.signature = signature;
  }

  @Override
  public OutboundResult send(OutboundMessage message) {
    if (url == null) {
      return new OutboundResult(SendStatus.NOT_CONFIGURED, 0, "VIGIL_OUTBOUND_URL is not set");
    }
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise outbound message", e);
    }
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", message.idempotencyKey())
        .header(WebhookSignature.HEADER, signature.sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("outbound webhook unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new OutboundResult(SendStatus.DELIVERED, status, "");
    }
    String detail = "outbound webhook answered " + status + ": " + abbreviate(response.body());
    if (status == 408 || status == 429 || status >= 500) {
      throw new IllegalStateException(detail);
    }
    throw ApplicationFailure.newNonRetryableFailure(detail, OutboundFailures.REJECTED);
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
