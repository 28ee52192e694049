package dev.vigil.starter.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.VigilWebApplication;
import dev.vigil.testkit.http.VigilHttp;
import dev.vigil.testkit.temporal.SearchAttributes;
import dev.vigil.testkit.temporal.TestPayloadKeys;
import dev.vigil.worker.temporal.EmbeddedTemporalServer;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.ticket.TicketWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Temporal is down when the ticketing system sends its events: each is refused with 503 and nothing is applied.
 * Temporal comes back, the sender retries the same events (one of them twice): each applies exactly once.
 */
@SpringBootTest(
    classes = VigilWebApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.rpc-timeout=1s",
      TestPayloadKeys.PROPERTY,
      "vigil.data-dir=target/test-data/recovery",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD
    })
class TemporalRecoveryTest {
  private static int temporalPort;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void temporalNotYetUp(DynamicPropertyRegistry registry) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      temporalPort = socket.getLocalPort();
    }
    registry.add("vigil.temporal.target", () -> "127.0.0.1:" + temporalPort);
  }

  @Test
  void eventsRefusedWhileTemporalIsDown_applyExactlyOnceWhenResentAfterRecovery() throws Exception {
    VigilHttp http = new VigilHttp(port);
    ObjectNode created = VigilHttp.created("REC-1", "Backups fail", "acme");
    ObjectNode message = VigilHttp.message("REC-1", "customer", "Backups fail since last night.");
    assertThat(http.webhook(created).status()).isEqualTo(503);
    assertThat(http.webhook(message).status()).isEqualTo(503);

    try (EmbeddedTemporalServer temporal = EmbeddedTemporalServer.start(temporalPort)) {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
      SearchAttributes.register(stubs);
      WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs,
          TestPayloadKeys.clientOptions()));
      Worker worker = workers.newWorker(TaskQueues.TICKETS);
      worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
      worker.registerActivitiesImplementations(new ScriptedAssistant()); // the assistant's in-process turn
      workers.start();
      try {
        // the sender retries as Retry-After says until it is accepted; then a duplicate delivery of the first
        for (ObjectNode event : List.of(created, message, created)) {
          int status = await("accepted after recovery").atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> http.webhook(event).status(), s -> s != 503);
          assertThat(status).isEqualTo(202);
        }
        JsonNode ticket = http.awaitTicket("REC-1", t -> t.get("eventsApplied").asInt()
            + t.get("duplicateEventsIgnored").asInt() == 3);
        assertThat(ticket.get("eventsApplied").asInt()).isEqualTo(2);
        assertThat(ticket.get("duplicateEventsIgnored").asInt()).isEqualTo(1);
        assertThat(ticket.get("messages")).hasSize(1);
        assertThat(ticket.get("status").asText()).isEqualTo("triaged");
      } finally {
        workers.shutdownNow();
        stubs.shutdownNow();
      }
    }
  }
}
