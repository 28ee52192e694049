package dev.vigil.starter.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.starter.VigilWebApplication;
import dev.vigil.testkit.http.VigilHttp;
import dev.vigil.testkit.temporal.TestPayloadKeys;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web application alone (no worker) whose Temporal cluster is down: the webhook answers 503, health is DOWN. */
@SpringBootTest(
    classes = VigilWebApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.rpc-timeout=1s",
      TestPayloadKeys.PROPERTY,
      "vigil.data-dir=target/test-data/unavailable",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD
    })
class TemporalUnavailableTest {
  @LocalServerPort
  int port;

  VigilHttp http;

  @DynamicPropertySource
  static void deadTemporal(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.add("vigil.temporal.target", () -> "127.0.0.1:" + closedPort);
  }

  @BeforeEach
  void client() {
    http = new VigilHttp(port);
  }

  @Test
  void webhookAnswers503WithRetryAfter_soTheSenderRetries() {
    VigilHttp.Response response = http.webhook(VigilHttp.created("DOWN-1", "Temporal is down", "acme"));
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().get("error").asText()).isEqualTo("temporal_unavailable");
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
  }

  @Test
  void readsAnswer503_andHealthIsDown() {
    assertThat(http.getAsAdmin("/api/v1/tickets/DOWN-1").status()).isEqualTo(503);
    VigilHttp.Response health = http.get("/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
  }
}
