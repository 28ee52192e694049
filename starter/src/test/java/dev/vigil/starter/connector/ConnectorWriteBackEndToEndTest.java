package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.zammad.ZammadPayloads;
import dev.vigil.starter.connector.zendesk.ZendeskPayloads;
import dev.vigil.testkit.http.VigilHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Changes made in Vigil written back, end to end on the embedded application: a ticket arrives by the system's
 * signed webhook, an analyst assigns, re-prioritises and resolves it in Vigil's API, the system's (fake) API receives
 * each change once; the system's webhook reporting those changes back is recognised as their echo and changes
 * nothing in Vigil; a change made in the system is applied in Vigil and never written back to it.
 */
class ConnectorWriteBackEndToEndTest extends ConnectorApiTest {

  private static String number() {
    return String.valueOf(200_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 700_000));
  }

  private VigilHttp.Response deliver(String source, ObjectNode payload, Map<String, String> extraHeaders) {
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(extraHeaders);
    headers.putAll(source.equals("zendesk") ? ZendeskPayloads.sign(body, ConnectorVigilTest.SECRET, Instant.now())
        : ZammadPayloads.sign(body, ConnectorVigilTest.SECRET));
    headers.put("Content-Type", "application/json");
    VigilHttp.Response response = hooks.post(source, headers, body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    return response;
  }

  private void act(String source, String ticketId, String action, String body) {
    VigilHttp.Response response = http.postAsAdmin(ticketPath(source, ticketId, action), body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** Waits until the system's API received {@code count} ticket updates, and returns them. */
  private List<FakeVendorApi.Recorded> awaitChanges(String source, String ticketId, int count) {
    return org.awaitility.Awaitility.await(count + " updates of " + ticketId).atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> FAKE.changes(source, ticketId), changes -> changes.size() >= count);
  }

  private static void assertEcho(VigilHttp.Response response) {
    assertThat(response.json().get("echoes").asInt()).as(response.body()).isEqualTo(1);
    assertThat(response.json().get("delivered").asInt()).as(response.body()).isZero();
  }

  @Test
  void zendesk_changesGoToTheTicket_theirEchoesAreDropped_andTheSystemsOwnChangesStayThere() {
    String id = number();
    deliver("zendesk", ZendeskPayloads.event(id, "created"), Map.of());
    awaitTicket("zendesk", id, t -> t.get("status") != null);

    act("zendesk", id, "/assignee", "{\"analystId\":\"andy\"}");
    FakeVendorApi.Recorded assigned = awaitChanges("zendesk", id, 1).get(0);
    assertThat(assigned.method()).isEqualTo("PUT");
    assertThat(assigned.path()).isEqualTo("/api/v2/tickets/" + id + ".json");
    assertThat(assigned.body().path("ticket").path("assignee_id").asLong()).isEqualTo(7001);

    // Zendesk reports Vigil's assignment back
    assertEcho(deliver("zendesk", ZendeskPayloads.change(id, "agent_assignment_changed", null, "7001"), Map.of()));

    // an agent raises the priority in Zendesk: applied in Vigil, not written back
    VigilHttp.Response raised = deliver("zendesk", ZendeskPayloads.change(id, "priority_changed", "normal", "high"),
        Map.of());
    assertThat(raised.json().get("delivered").asInt()).isEqualTo(1);
    awaitTicket("zendesk", id, t -> t.get("priority").asText().equals("P2"));

    act("zendesk", id, "/resolve", "{\"note\":\"Rotated the backup agent's credentials.\"}");
    List<FakeVendorApi.Recorded> changes = awaitChanges("zendesk", id, 2);
    assertThat(changes.get(1).body().path("ticket").path("status").asText()).isEqualTo("solved");
    assertThat(FAKE.created("zendesk", id)).singleElement().satisfies(note -> {
      assertThat(note.body().path("ticket").path("comment").path("public").asBoolean()).isFalse();
      assertThat(note.body().path("ticket").path("comment").path("body").asText())
          .isEqualTo("Rotated the backup agent's credentials.");
    });
    assertEcho(deliver("zendesk", ZendeskPayloads.change(id, "status_changed", "open", "solved"), Map.of()));

    JsonNode settled = awaitTicket("zendesk", id, t -> t.get("decisions").toString().split("outbound delivered",
        -1).length - 1 == 2);
    assertStays("zendesk", id, Duration.ofMillis(1_500), t -> t.get("status").asText().equals("resolved")
        && t.get("assignee").get("id").asText().equals("andy")
        && t.get("eventsApplied").asLong() == settled.get("eventsApplied").asLong());
    assertThat(FAKE.changes("zendesk", id)).as("assignment and resolution, nothing for the priority").hasSize(2);
  }

  @Test
  void zammad_whichReportsItsWholeStateWithEveryDelivery_doesNotUndoVigilsChanges() {
    String id = number();
    deliver("zammad", ZammadPayloads.ticket(id, "new", "2 normal", "1"), ZammadPayloads.delivery());
    awaitTicket("zammad", id, t -> t.get("status") != null);

    act("zammad", id, "/priority", "{\"priority\":\"P1\"}");
    assertThat(awaitChanges("zammad", id, 1).get(0).body().path("priority").asText()).isEqualTo("3 high");
    act("zammad", id, "/assignee", "{\"analystId\":\"andy\"}");
    assertThat(awaitChanges("zammad", id, 2).get(1).body().path("owner_id").asLong()).isEqualTo(5);

    // Zammad's next deliveries carry 3 high (which reads as P2) and owner 5: Vigil's own changes, twice
    for (int i = 0; i < 2; i++) {
      VigilHttp.Response echoed = deliver("zammad", ZammadPayloads.ticket(id, "open", "3 high", "5"),
          ZammadPayloads.delivery());
      assertThat(echoed.json().get("echoes").asInt()).as(echoed.body()).isEqualTo(2);
      assertThat(echoed.json().get("delivered").asInt()).isZero();
    }

    act("zammad", id, "/resolve", "{}");
    assertThat(awaitChanges("zammad", id, 3).get(2).body().path("state").asText()).isEqualTo("closed");
    VigilHttp.Response closed = deliver("zammad", ZammadPayloads.ticket(id, "closed", "3 high", "5"),
        ZammadPayloads.delivery());
    assertThat(closed.json().get("delivered").asInt()).as(closed.body()).isZero();

    JsonNode settled = awaitTicket("zammad", id, t -> t.get("status").asText().equals("resolved"));
    assertStays("zammad", id, Duration.ofMillis(1_500), t -> t.get("status").asText().equals("resolved")
        && t.get("priority").asText().equals("P1")
        && t.get("assignee").get("id").asText().equals("andy")
        && t.get("eventsApplied").asLong() == settled.get("eventsApplied").asLong());
    assertThat(FAKE.changes("zammad", id)).hasSize(3);
  }
}
