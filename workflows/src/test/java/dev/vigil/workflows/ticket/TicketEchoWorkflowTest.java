package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket recognises its own posts coming back from the ticketing system (the webhook that echoes a reply as a
 * new staff comment, under the system's own comment id and markup), whatever the intake remembers: they are not
 * applied a second time. A customer who writes the same words, or a staff comment Vigil never posted, is applied.
 */
class TicketEchoWorkflowTest {
  private final ScriptedAssistant assistant = new ScriptedAssistant();
  private final RecordingOutbound outbound = new RecordingOutbound();
  private final TicketSettings settings = TicketSettings.defaults();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String id;
  private TicketEvents e;

  @BeforeEach
  void start() {
    env = TicketWorkflowKit.newEnvironment(new RecordingLearningActivities(), assistant, outbound);
    client = env.getWorkflowClient();
    id = "E-" + UUID.randomUUID().toString().substring(0, 8);
    e = new TicketEvents(id);
    deliver(client, settings, e.created("Cannot log in", Priority.P2));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void anAnalystsMessageWrittenBackAndEchoedIsAppliedOnce() {
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", id));
    ticket.act(e.analystSays("vigil-ui-1", "The reset link is valid for one hour.\nPlease try again."));
    awaitView(client, id, v -> v.messages().size() == 1);

    // the system's webhook: its own comment id, the line break as HTML
    deliver(client, settings, e.analystSays("zd-9001", "<p>The reset link is valid for one hour.<br>Please try "
        + "again.</p>"));
    deliver(client, settings, e.analystSays("zd-9002", "I also cleared your sessions."));
    deliver(client, settings, e.customerSays("zd-9003", "The reset link is valid for one hour. Please try again."));

    TicketView view = awaitView(client, id, v -> v.messages().size() == 3);
    assertThat(view.messages()).extracting(Message::id).containsExactly("vigil-ui-1", "zd-9002", "zd-9003");
    assertThat(view.decisions()).anySatisfy(d -> {
      assertThat(d.kind()).isEqualTo(DecisionKind.ECHO_IGNORED);
      assertThat(d.reason()).contains("zd-9001");
    });
  }
}
