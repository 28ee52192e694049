package dev.vigil.starter.connector;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.starter.support.VigilHttp;
import com.fasterxml.jackson.databind.JsonNode;
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
  }

  @BeforeEach
  void clients() {
    http = new VigilHttp(port);
    hooks = new NativeHttp(port);
  }

  protected JsonNode awaitTicket(String source, String ticketId, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    VigilHttp.Response last = null;
    String path = ticketPath(source, ticketId, "");
    while (System.nanoTime() < deadline) {
      last = http.getAsAdmin(path);
      if (last.status() == 200 && condition.test(last.json())) {
        return last.json();
      }
      VigilHttp.sleep(25);
    }
    throw new AssertionError("ticket " + ticketId + " never reached the expected state; last: "
        + (last == null ? "none" : last.status() + " " + last.body()));
  }

  /** {@code /api/v1/tickets/{id}{suffix}?source=…}, the id encoded (GitHub's contain {@code #}). */
  protected static String ticketPath(String source, String ticketId, String suffix) {
    return "/api/v1/tickets/" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20") + suffix
        + "?source=" + source;
  }
}
