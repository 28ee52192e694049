package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays ticket histories against the current {@link TicketWorkflowImpl}: a change to the workflow that would break
 * running tickets (non-determinism, or a carried state it can no longer read) fails here. Histories are recorded per
 * version boundary (README, "Workflow versioning"), by {@link TicketHistoryRecorder}; the lifecycle history covers signals, analysts' updates, search-attribute and memo
 * upserts, the assistant's activities and batching timer, an alert and an adopted answer sent outbound, a rejected
 * event, the child learning workflow and the retention timer. A change that fails
 * here needs {@code Workflow.getVersion} for the recorded path, and a new recording at the new boundary.
 */
class TicketWorkflowReplayTest {

  /** Every recorded boundary, oldest first: each must still replay. */
  @ParameterizedTest
  @CsvSource({
      "ticket-v2.json, REPLAY-1",
      "ticket-v3.json, REPLAY-1",
      "ticket-v3-continued.json, REPLAY-CAN",
      "ticket-v4.json, REPLAY-1",
      "ticket-v4-continued.json, REPLAY-CAN",
      TicketHistoryRecorder.FILE + ", " + TicketHistoryRecorder.TICKET,
      TicketHistoryRecorder.CONTINUED_FILE + ", " + TicketHistoryRecorder.CONTINUED_TICKET})
  void recordedHistoryReplays(String file, String ticketId) throws Exception {
    String json;
    try (var in = getClass().getResourceAsStream("/histories/" + file)) {
      assertThat(in).as("recorded history %s", file).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the exported history does not carry the workflow id, from which the child learning workflow's id derives
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(json, TicketIds.workflowId("desk",
        ticketId));
    // the recorded payloads are encrypted like production's: the replaying worker decodes them with the codec
    assertThat(json).contains(EncryptionCodec.KEY_ID);
    assertThatCode(() -> TicketWorkflowKit.replay(history)).doesNotThrowAnyException();
  }

  @Test
  void theContinuedHistoryStartsFromACarriedState() throws Exception {
    try (var in = getClass().getResourceAsStream("/histories/" + TicketHistoryRecorder.CONTINUED_FILE)) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          TicketIds.workflowId("desk", TicketHistoryRecorder.CONTINUED_TICKET));
      assertThat(history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
          .getContinuedExecutionRunId()).isNotEmpty();
    }
  }

  @Test
  void freshHistoryWithContinueAsNewReplays() throws Exception {
    try (TestWorkflowEnvironment env = TicketWorkflowKit.newEnvironment(new RecordingLearningActivities(),
        new ScriptedAssistant(), new RecordingOutbound())) {
      WorkflowClient client = env.getWorkflowClient();
      TicketSettings settings = new TicketSettings(2_000, 500, 1_000, 100, java.time.Duration.ZERO, null);
      TicketEvents e = new TicketEvents("REPLAY-2");
      TicketWorkflowKit.deliver(client, settings, e.created("Replay me", Priority.P3));
      for (int i = 0; i < 40; i++) {
        TicketWorkflowKit.deliver(client, settings, e.customerSays("m" + i, "message " + i));
      }
      TicketWorkflowKit.awaitView(client, "REPLAY-2", v -> v.eventsApplied() == 41);
      var history = client.fetchHistory(TicketIds.workflowId("desk", "REPLAY-2"));
      TicketWorkflowKit.replay(history);
    }
  }
}
