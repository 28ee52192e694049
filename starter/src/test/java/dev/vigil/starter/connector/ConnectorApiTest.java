package dev.vigil.starter.connector;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.testkit.http.VigilHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the connector tests on the embedded application: every connector's secret set, and every vendor API
 * pointed at one recording fake on loopback (GitHub through an Enterprise-style {@code /api/v3} prefix). The
 * subclasses share one application context.
 */
@ConnectorVigilTest
public abstract class ConnectorApiTest {
  protected static final FakeVendorApi FAKE = new FakeVendorApi();

  @LocalServerPort
  protected int port;

  @Autowired
  protected SentComments sent;

  protected VigilHttp http;
  protected NativeHttp hooks;

  @DynamicPropertySource
  static void vendorApis(DynamicPropertyRegistry registry) {
    registry.add("vigil.connectors.zendesk.url", FAKE::url);
    registry.add("vigil.connectors.zendesk.email", () -> "vigil@acme.example");
    registry.add("vigil.connectors.zendesk.api-token", () -> "zd-token");
    registry.add("vigil.connectors.jira.url", FAKE::url);
    registry.add("vigil.connectors.jira.email", () -> "vigil@acme.example");
    registry.add("vigil.connectors.jira.api-token", () -> "jira-token");
    registry.add("vigil.connectors.zammad.url", FAKE::url);
    registry.add("vigil.connectors.zammad.token", () -> "zammad-token");
    registry.add("vigil.connectors.github.api-url", () -> FAKE.url() + "/api/v3");
    registry.add("vigil.connectors.github.token", () -> "ghp-token");
    registry.add("vigil.connectors.github.repositories", () -> "Codertocat/synced");
    // the analyst 'andy' in each system, for changes made in Vigil
    registry.add("vigil.connectors.zendesk.write-back.assignees.andy", () -> "7001");
    registry.add("vigil.connectors.jira.write-back.assignees.andy", () -> "5b10a2844c20165700ede21g");
    registry.add("vigil.connectors.zammad.write-back.assignees.andy", () -> "5");
    registry.add("vigil.connectors.github.write-back.assignees.andy", () -> "octocat");
  }

  @BeforeEach
  void clients() {
    http = new VigilHttp(port);
    hooks = new NativeHttp(port);
  }

  protected JsonNode awaitTicket(String source, String ticketId, Predicate<JsonNode> condition) {
    String path = ticketPath(source, ticketId, "");
    return await("ticket " + ticketId + " of " + source).atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> {
          VigilHttp.Response answer = http.getAsAdmin(path);
          return answer.status() == 200 ? answer.json() : null;
        }, json -> json != null && condition.test(json));
  }

  /** Waits {@code quiet} and checks the ticket satisfied {@code condition} all along: nothing happened meanwhile. */
  protected void assertStays(String source, String ticketId, Duration quiet, Predicate<JsonNode> condition) {
    String path = ticketPath(source, ticketId, "");
    await("ticket " + ticketId + " of " + source + " unchanged").during(quiet).atMost(quiet.plusSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> condition.test(http.getAsAdmin(path).json()));
  }

  /** {@code /api/v1/tickets/{id}{suffix}?source=…}, the id encoded (GitHub's contain {@code #}). */
  protected static String ticketPath(String source, String ticketId, String suffix) {
    return "/api/v1/tickets/" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20") + suffix
        + "?source=" + source;
  }
}
