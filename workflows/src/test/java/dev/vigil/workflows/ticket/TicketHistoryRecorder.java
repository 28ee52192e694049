package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static dev.vigil.workflows.testing.TicketWorkflowKit.ticket;

import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the ticket histories that {@link TicketWorkflowReplayTest} replays, at a version boundary of
 * {@link TicketWorkflowImpl} (see the README's versioning policy): {@code mvn -pl workflows test
 * -Dtest=TicketHistoryRecorder -Dvigil.record-histories=true} writes the current boundary's histories
 * ({@link #FILE}, {@link #CONTINUED_FILE}); those of earlier boundaries stay as they were recorded.
 *
 * <p>v2: the ticket's life with analysts' updates answered by small results. v3: the ticket's state split into
 * components (the continue-as-new input changed shape), so v3 also records a run that starts from a carried state.
 * v4: answers reviewed while the ticket is open (the {@code answer-reviews} version marker, a review timer and its
 * activity 20 minutes after the adopted suggestion). v5: the assistant's turn runs beside the loop (the
 * {@code concurrent-turns} marker; the turn's outcome applied when it completes).
 */
@EnabledIfSystemProperty(named = "vigil.record-histories", matches = "true")
class TicketHistoryRecorder {
  static final String TICKET = "REPLAY-1";
  static final String FILE = "ticket-v5.json";
  static final String CONTINUED_TICKET = "REPLAY-CAN";
  static final String CONTINUED_FILE = "ticket-v5-continued.json";

  @Test
  void recordTicketHistory() throws Exception {
    ScriptedAssistant assistant = new ScriptedAssistant();
    try (TestWorkflowEnvironment env = TicketWorkflowKit.newEnvironment(Instant.parse("2026-11-30T09:00:00Z"),
        new RecordingLearningActivities(), assistant, new RecordingOutbound())) {
      WorkflowClient client = env.getWorkflowClient();
      TicketSettings settings = new TicketSettings(2_000, 500, 1_000, 4_000, Duration.ofHours(1), null);
      TicketEvents e = new TicketEvents(TICKET);
      deliver(client, settings, e.created("Cannot reset password", Priority.P2));
      deliver(client, settings, e.assigned("a-7", "Bob Analyst"));
      deliver(client, settings, e.customerSays("m1", "All our users: how do I reset my password?"));
      env.sleep(Duration.ofSeconds(2));
      awaitView(client, TICKET, v -> v.suggestions().size() == 1);
      ticket(client, TICKET).act(new TicketEvent(TicketEvents.nextId(), TicketEventType.SUGGESTION_ADOPTED,
          Instant.now(), TicketFacts.onlyId(TICKET), null, null, null, "alice",
          new SuggestionFeedback("S1", null, null, null)));
      ticket(client, TICKET).act(e.of(TicketEventType.ASSISTANT_PAUSED));
      deliver(client, settings, e.of(TicketEventType.REOPENED)); // rejected: the ticket is open
      // what analysts do in Vigil is written back to the ticketing system
      ticket(client, TICKET).act(e.analystSays("m2", "The link is valid for an hour."));
      ticket(client, TICKET).act(e.priority(Priority.P1));
      env.sleep(Duration.ofMinutes(40));
      ticket(client, TICKET).act(e.resolved("Sent the reset link"));
      deliver(client, settings, e.of(TicketEventType.CLOSED));
      awaitView(client, TICKET, v -> v.learning() != null);
      env.sleep(Duration.ofHours(2));
      client.newUntypedWorkflowStub(TicketIds.workflowId("desk", TICKET)).getResult(TicketView.class);
      String json = client.fetchHistory(TicketIds.workflowId("desk", TICKET)).toJson(true);
      Files.writeString(Path.of("src/test/resources/histories", FILE), json, StandardCharsets.UTF_8);
    }
  }

  /** A ticket that continued as new: the history of its second run, which starts from the carried state. */
  @Test
  void recordContinuedTicketHistory() throws Exception {
    ScriptedAssistant assistant = new ScriptedAssistant();
    try (TestWorkflowEnvironment env = TicketWorkflowKit.newEnvironment(Instant.parse("2026-11-30T09:00:00Z"),
        new RecordingLearningActivities(), assistant, new RecordingOutbound())) {
      WorkflowClient client = env.getWorkflowClient();
      TicketSettings settings = new TicketSettings(2_000, 500, 1_000, 100, Duration.ofHours(1), null);
      TicketEvents e = new TicketEvents(CONTINUED_TICKET);
      deliver(client, settings, e.created("Cannot reset password", Priority.P2));
      deliver(client, settings, e.customerSays("m0", "All our users: how do I reset my password?"));
      for (int i = 1; i < 120; i++) {
        deliver(client, settings, e.customerSays("m" + i, "still waiting " + i));
      }
      awaitView(client, CONTINUED_TICKET, v -> v.continuedAsNew() >= 1 && v.eventsApplied() == 121);
      // the second run: a turn for the assistant, an analyst's update, a progress update and the close
      deliver(client, settings, e.customerSays("m120", "How do I reset my password?"));
      env.sleep(Duration.ofSeconds(2));
      ticket(client, CONTINUED_TICKET).act(e.analystSays("a1", "The link is valid for an hour."));
      env.sleep(Duration.ofMinutes(5));
      deliver(client, settings, e.of(TicketEventType.CLOSED));
      awaitView(client, CONTINUED_TICKET, v -> v.learning() != null);
      String json = client.fetchHistory(TicketIds.workflowId("desk", CONTINUED_TICKET)).toJson(true);
      Files.writeString(Path.of("src/test/resources/histories", CONTINUED_FILE), json, StandardCharsets.UTF_8);
    }
  }
}
