package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.newEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook storm on the real workflow: 10,000 events over 200 tickets, 20% of them delivered twice under the same
 * event id and 10% overtaken by later ones, from 8 concurrent senders. Every ticket ends exactly as the same events
 * delivered once and in order leave a twin ticket: status, priority, subject, assignee, dialogue, resolution note
 * and learning runs.
 */
class TicketStormWorkflowTest {
  private static final int TICKETS = 200;
  private static final int EVENTS_PER_TICKET = 50;

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void setUp() {
    env = newEnvironment(new RecordingLearningActivities(), new ScriptedAssistant(), new RecordingOutbound());
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aStormOfDuplicatedAndReorderedEvents_endsInTheStateOfAnInOrderDelivery() throws Exception {
    Random random = new Random(2026);
    Map<String, List<TicketEvent>> clean = new HashMap<>();
    Map<String, List<TicketEvent>> storm = new HashMap<>();
    int stormEvents = 0;
    int duplicates = 0;
    for (int t = 0; t < TICKETS; t++) {
      List<TicketEvent> inOrder = StormEvents.inOrder("ST-" + t, EVENTS_PER_TICKET, random);
      clean.put("CL-" + t, renamed(inOrder, "ST-" + t, "CL-" + t));
      List<TicketEvent> stormy = StormEvents.stormy(inOrder, 0.2, 0.1, random);
      storm.put("ST-" + t, stormy);
      stormEvents += inOrder.size();
      duplicates += stormy.size() - inOrder.size();
    }
    assertThat(stormEvents).isEqualTo(10_000);
    assertThat(duplicates).isBetween(1_800, 2_200);

    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<?>> sent = new ArrayList<>();
    // each ticket's events go out in its delivery order; tickets interleave across the senders
    for (Map<String, List<TicketEvent>> deliveries : List.of(clean, storm)) {
      deliveries.forEach((id, events) -> sent.add(senders.submit(() -> events.forEach(this::deliver))));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    senders.shutdown();

    long appliedLate = 0;
    for (int t = 0; t < TICKETS; t++) {
      StormEvents.Outcome expected = renamed(settled("CL-" + t, clean.get("CL-" + t).size()), "CL-" + t, "ST-" + t);
      assertThat(eventually("ST-" + t, expected)).as("ticket ST-%d", t).isEqualTo(expected);
      TicketView stormy = view("ST-" + t);
      appliedLate += stormy.decisions().stream().filter(d -> d.action().equals("applied late")).count();
      assertThat(stormy.duplicateEventsIgnored()).as("duplicates of ST-%d", t).isPositive();
    }
    assertThat(appliedLate).as("events that arrived after later ones").isGreaterThan(500);
  }

  /** The storm ticket's outcome once it equals {@code expected}, or as it stands after a minute. */
  private StormEvents.Outcome eventually(String id, StormEvents.Outcome expected) {
    try {
      return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
          .until(() -> StormEvents.Outcome.of(view(id)), expected::equals);
    } catch (ConditionTimeoutException e) {
      return StormEvents.Outcome.of(view(id));
    }
  }

  /** The clean twin's outcome once it has applied (or rejected) every one of its events. */
  private StormEvents.Outcome settled(String id, int events) {
    try {
      return StormEvents.Outcome.of(await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
          .until(() -> view(id), v -> v.eventsApplied() + v.eventsRejected() >= events));
    } catch (ConditionTimeoutException e) {
      return StormEvents.Outcome.of(view(id));
    }
  }

  private TicketView view(String id) {
    return client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", id)).view();
  }

  private void deliver(TicketEvent event) {
    TicketDelivery.signalWithStart(client, "desk", TicketSettings.defaults(), event);
  }

  private static List<TicketEvent> renamed(List<TicketEvent> events, String from, String to) {
    return events.stream().map(e -> new TicketEvent(e.eventId().replace(from, to), e.type(), e.occurredAt(),
        new TicketFacts(to, e.ticket().subject() == null ? null : e.ticket().subject().replace(from, to),
            e.ticket().description(), e.ticket().priority(), e.ticket().product(), e.ticket().customer()),
        e.message() == null ? null : new IncomingMessage(e.message().id().replace(from, to), e.message().role(),
            e.message().author(), e.message().text()),
        e.analyst(), e.resolutionNote(), e.actor(), e.feedback())).toList();
  }

  private static StormEvents.Outcome renamed(StormEvents.Outcome o, String from, String to) {
    return new StormEvents.Outcome(o.status(), o.priority(), o.subject() == null ? null : o.subject().replace(from, to),
        o.assignee(), o.dialogue().stream().map(d -> d.replace(from, to)).toList(), o.resolutionNote(), o.closings());
  }
}
