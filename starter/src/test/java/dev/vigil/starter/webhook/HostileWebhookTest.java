package dev.vigil.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.notify.WebhookSignature;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 1,200 generated hostile or malformed webhook requests (seeded, so a failure reproduces): every one is answered
 * 4xx with an error body, none is a 5xx, and none creates a ticket.
 */
class HostileWebhookTest extends EmbeddedApiTest {
  private static final int CASES = 1_200;
  private final Random random = new Random(20261127L);

  private static final String[] REQUIRED = {"eventId", "type", "occurredAt", "ticket"};
  private static final String[] TICKET_REQUIRED = {"id", "subject"};

  private record Attack(String kind, byte[] body, String signature) {}

  @Test
  void everyHostileRequestIsRefusedWith4xx_andNothingIsCreated() {
    Map<String, Integer> byKind = new TreeMap<>();
    List<String> ticketIds = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < CASES; i++) {
      String ticketId = "HOSTILE-" + i;
      ticketIds.add(ticketId);
      Attack attack = attack(ticketId);
      VigilHttp.Response response = http.webhookRaw(attack.body(), attack.signature());
      assertThat(response.status()).as("%s #%d: %s", attack.kind(), i, response.body()).isBetween(400, 499);
      assertThat(response.body()).as("%s #%d has an error body", attack.kind(), i).contains("\"error\"");
      byKind.merge(attack.kind(), 1, Integer::sum);
    }
    System.out.printf("%d hostile requests in %.1f s: %s%n", CASES, (System.nanoTime() - start) / 1e9, byKind);
    assertThat(byKind).hasSizeGreaterThanOrEqualTo(10);
    // no ticket workflow was started for any of them (the list reads every ticket execution on the dev server)
    assertThat(http.getAsAdmin("/api/v1/tickets?limit=1000").json().get("tickets").findValuesAsText("ticketId"))
        .noneMatch(id -> id.startsWith("HOSTILE-"));
    assertThat(http.getAsAdmin("/api/v1/tickets/" + ticketIds.get(0)).status()).isEqualTo(404);
  }

  private Attack attack(String ticketId) {
    ObjectNode valid = VigilHttp.created(ticketId, "Hostile " + random.nextInt(), "acme");
    int kind = random.nextInt(12);
    return switch (kind) {
      case 0 -> {
        valid.remove(REQUIRED[random.nextInt(REQUIRED.length)]);
        yield signed("missing field", valid);
      }
      case 1 -> {
        ((ObjectNode) valid.get("ticket")).remove(TICKET_REQUIRED[random.nextInt(TICKET_REQUIRED.length)]);
        yield signed("missing ticket field", valid);
      }
      case 2 -> {
        String field = REQUIRED[random.nextInt(REQUIRED.length - 1)];
        switch (random.nextInt(4)) {
          // a whole number is a valid id (read as its decimal string), a fraction is not
          case 0 -> valid.put(field, random.nextInt(1_000_000) + 0.5);
          case 1 -> valid.put(field, random.nextBoolean());
          case 2 -> valid.putArray(field).add("x");
          default -> valid.putObject(field).put("x", 1);
        }
        yield signed("wrong type", valid);
      }
      case 3 -> {
        valid.put("type", "ticket." + Long.toHexString(random.nextLong()));
        yield signed("unknown type", valid);
      }
      case 4 -> {
        ((ObjectNode) valid.get("ticket")).put("subject", "x".repeat(501 + random.nextInt(5_000)));
        yield signed("huge string", valid);
      }
      case 5 -> {
        int depth = 40 + random.nextInt(200);
        String body = "{\"eventId\":\"e\",\"nested\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        yield signed("deep nesting", body.getBytes(StandardCharsets.UTF_8));
      }
      case 6 -> {
        byte[] json = valid.toString().getBytes(StandardCharsets.UTF_8);
        int at = valid.toString().indexOf("Hostile") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.write(0xC3);
        out.write(0x28 + random.nextInt(4));
        out.write(json, at, json.length - at);
        yield signed("invalid UTF-8", out.toByteArray());
      }
      case 7 -> {
        String json = valid.toString();
        yield signed("truncated JSON", json.substring(0, 1 + random.nextInt(json.length() - 2))
            .getBytes(StandardCharsets.UTF_8));
      }
      case 8 -> new Attack("wrong signature", bytes(valid), new WebhookSignature("guess-" + random.nextInt(),
          Duration.ofMinutes(5), Clock.systemUTC()).sign(bytes(valid)));
      case 9 -> new Attack("stale signature", bytes(valid), signAt(bytes(valid),
          Instant.now().minusSeconds(301 + random.nextInt(100_000))));
      case 10 -> {
        // a signature captured from another request, replayed on this body
        ObjectNode other = VigilHttp.created(ticketId + "-other", "Other", "acme");
        yield new Attack("replayed signature", bytes(valid), signAt(bytes(other), Instant.now()));
      }
      default -> {
        ObjectNode message = VigilHttp.message(ticketId, "customer", "hi");
        ((ObjectNode) message.get("message")).put("role", random.nextBoolean() ? "admin" : "");
        yield signed("bad enum value", message);
      }
    };
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Attack signed(String kind, ObjectNode node) {
    return signed(kind, bytes(node));
  }

  private Attack signed(String kind, byte[] body) {
    return new Attack(kind, body, signAt(body, Instant.now()));
  }

  private static String signAt(byte[] body, Instant at) {
    return new WebhookSignature(VigilHttp.SECRET, Duration.ofMinutes(5), Clock.fixed(at, ZoneOffset.UTC)).sign(body);
  }
}
