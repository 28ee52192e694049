package dev.vigil.starter.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.support.EmbeddedVigilApplication;
import dev.vigil.testkit.http.VigilHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14's freeze, end to end on the embedded stack: continue-as-new after 100 history events and an outbound
 * receiver on a closed port, so the alert for "Our production is down" keeps retrying. Every event still applies and
 * pausing the assistant answers.
 */
@SpringBootTest(
    classes = EmbeddedVigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.dev-port=0",
      "vigil.data-dir=target/test-data/never-freezes",
      "vigil.ticket.continue-as-new-after-events=100",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD
    })
class TicketNeverFreezesEndToEndTest {
  @LocalServerPort
  int port;

  VigilHttp http;

  @DynamicPropertySource
  static void receiverDown(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.add("vigil.outbound.url", () -> "http://127.0.0.1:" + closedPort + "/vigil");
  }

  @BeforeEach
  void client() {
    http = new VigilHttp(port);
  }

  @Test
  void givenAReceiverThatIsDown_aLongTicketKeepsApplyingEvents_andActionsAnswer() throws Exception {
    String id = "FREEZE-1";
    assertThat(http.webhook(VigilHttp.created(id, "Outage", "acme")).status()).isEqualTo(202);
    assertThat(http.webhook(VigilHttp.message(id, "customer", "Our production is down")).status()).isEqualTo(202);
    http.awaitTicket(id, t -> t.get("alerts").size() > 0);

    int more = 70;
    for (int i = 1; i <= more; i++) {
      VigilHttp.Response accepted = http.webhook(VigilHttp.message(id, i % 2 == 0 ? "analyst" : "customer",
          "still looking " + i));
      assertThat(accepted.status()).isEqualTo(202);
    }
    JsonNode all = http.awaitTicket(id, t -> t.get("messages").size() == 1 + more);
    assertThat(all.get("continuedAsNew").asInt()).as("the history passed 100 events").isPositive();

    CompletableFuture<VigilHttp.Response> pause = CompletableFuture.supplyAsync(
        () -> http.postAsAdmin("/api/v1/tickets/" + id + "/assistant/pause", null));
    VigilHttp.Response paused = pause.get(30, TimeUnit.SECONDS);
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().get("assistantPaused").asBoolean()).isTrue();
    assertThat(paused.json().get("decisions").toString()).doesNotContain("outbound delivered");
  }
}
