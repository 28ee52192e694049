package dev.vigil.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A small HTTP client for tests: signed webhooks the way a ticketing system sends them, and the REST API. */
public final class VigilHttp {
  public static final String SECRET = "test-webhook-secret";
  public static final String ADMIN_PASSWORD = "test-admin-password";
  public static final String SIGNATURE_HEADER = "X-Vigil-Signature";
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
    return webhookRaw(body, sign(SECRET, Instant.now().getEpochSecond(), body));
  }

  public Response webhookRaw(byte[] body, String signature) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/tickets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(SIGNATURE_HEADER, signature);
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
    return postWithHeaders(path, json, user, password, Map.of());
  }

  /** A POST with extra headers, e.g. an {@code Idempotency-Key}. */
  public Response postWithHeaders(String path, String json, String user, String password,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    authorize(request, user, password);
    return send(request.build());
  }

  public Response delete(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
    authorize(request, user, password);
    return send(request.build());
  }

  public Response deleteAsAdmin(String path) {
    return delete(path, "admin", ADMIN_PASSWORD);
  }

  public Response postAsAdmin(String path, String json) {
    return post(path, json, "admin", ADMIN_PASSWORD);
  }

  /** Reads a ticket until it satisfies {@code condition}: events apply asynchronously after the webhook's 202. */
  public JsonNode awaitTicket(String ticketId, Predicate<JsonNode> condition) {
    AtomicReference<Response> last = new AtomicReference<>();
    try {
      return Awaitility.await("ticket " + ticketId)
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(25))
          .until(() -> {
            Response answer = getAsAdmin("/api/v1/tickets/" + ticketId);
            last.set(answer);
            return answer.status() == 200 ? answer.json() : null;
          }, json -> json != null && condition.test(json));
    } catch (ConditionTimeoutException e) {
      Response answer = last.get();
      throw new AssertionError("ticket " + ticketId + " never reached the expected state; last answer: "
          + (answer == null ? "none" : answer.status() + " " + answer.body()), e);
    }
  }

  /**
   * Signs a webhook body as a ticketing system does, written from the documented scheme rather than with Vigil's own
   * code, so the tests check the server against the contract: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
   * "<t>.<raw body>")>}.
   */
  public static String sign(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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
}
