package dev.vigil.starter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.notify.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Predicate;

/** A small HTTP client for tests: signed webhooks the way a ticketing system sends them, and the REST API. */
public final class VigilHttp {
  public static final String SECRET = "test-webhook-secret";
  public static final String ADMIN_PASSWORD = "test-admin-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public VigilHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** A webhook event body with a fresh event id; callers add the parts the type needs. */
  public static ObjectNode event(String type, String ticketId) {
    ObjectNode event = JSON.createObjectNode()
        .put("eventId", "evt-" + UUID.randomUUID())
        .put("type", type)
        .put("occurredAt", Instant.now().toString());
    event.putObject("ticket").put("id", ticketId);
    return event;
  }

  public static ObjectNode created(String ticketId, String subject, String tenant) {
    ObjectNode event = event("ticket.created", ticketId);
    ObjectNode ticket = (ObjectNode) event.get("ticket");
    ticket.put("subject", subject).put("description", subject + " since this morning").put("priority", "P2")
        .put("product", "storage");
    ticket.putObject("customer").put("id", "cust-42").put("tenant", tenant).put("name", "Ada Lovelace")
        .put("email", "ada@example.com");
    return event;
  }

  public static ObjectNode message(String ticketId, String role, String text) {
    ObjectNode event = event("message.posted", ticketId);
    event.putObject("message").put("id", "msg-" + UUID.randomUUID()).put("role", role)
        .put("author", role.equals("customer") ? "Ada Lovelace" : "Bob Analyst").put("text", text);
    return event;
  }

  public Response webhook(JsonNode event) {
    byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
    return webhookRaw(body, new WebhookSignature(SECRET, Duration.ofMinutes(5), Clock.systemUTC()).sign(body));
  }

  public Response webhookRaw(byte[] body, String signature) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/tickets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(WebhookSignature.HEADER, signature);
    }
    return send(request.build());
  }

  public Response get(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    authorize(request, user, password);
    return send(request.build());
  }

  public Response getAsAdmin(String path) {
    return get(path, "admin", ADMIN_PASSWORD);
  }

  public Response post(String path, String json, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    authorize(request, user, password);
    return send(request.build());
  }

  public Response postAsAdmin(String path, String json) {
    return post(path, json, "admin", ADMIN_PASSWORD);
  }

  /** Reads a ticket until it satisfies {@code condition}: events apply asynchronously after the webhook's 202. */
  public JsonNode awaitTicket(String ticketId, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = getAsAdmin("/api/v1/tickets/" + ticketId);
      if (last.status() == 200 && condition.test(last.json())) {
        return last.json();
      }
      sleep(25);
    }
    throw new AssertionError("ticket " + ticketId + " never reached the expected state; last answer: "
        + (last == null ? "none" : last.status() + " " + last.body()));
  }

  private static void authorize(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
