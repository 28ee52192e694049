package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static dev.vigil.workflows.testing.TicketWorkflowKit.newEnvironment;
import static dev.vigil.workflows.testing.TicketWorkflowKit.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The freeze of issue 14: a ticket whose outbound receiver is down (the alert's send keeps retrying) must keep
 * applying events and answering analysts' actions across continue-as-new; the send is handed to the next run under
 * the same idempotency key and delivered once the receiver is back.
 */
class TicketNeverFreezesWorkflowTest {
  private static final TicketSettings SETTINGS = new TicketSettings(2_000, 500, 1_000, 100, Duration.ofDays(7),
      null);

  private final DownReceiver receiver = new DownReceiver();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    env = newEnvironment(new RecordingLearningActivities(), new ScriptedAssistant(), receiver);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void givenAReceiverThatIsDown_theTicketKeepsApplyingEventsAndAnswersUpdatesAcrossContinueAsNew()
      throws Exception {
    String id = "FRZ-1";
    TicketEvents e = new TicketEvents(id);
    deliver(client, SETTINGS, e.created("Production is down", Priority.P2));
    deliver(client, SETTINGS, e.customerSays("m0", "Our production is down for all our shops"));
    env.sleep(SETTINGS.assistantBatchWindow().plusMillis(500));
    awaitView(client, id, v -> !v.alerts().isEmpty());

    int more = 70;
    List<CompletableFuture<ActionResult>> actions = new ArrayList<>();
    for (int i = 1; i <= more; i++) {
      TicketEvent event = i % 2 == 0 ? e.analystSays("a" + i, "looking into it " + i)
          : e.customerSays("c" + i, "still down " + i);
      if (i % 10 == 5) {
        // analysts act while events arrive, some of them while the run prepares to continue as new
        TicketEvent action = e.of(i % 20 == 5 ? TicketEventType.ASSISTANT_PAUSED : TicketEventType.ASSISTANT_RESUMED);
        actions.add(CompletableFuture.supplyAsync(() -> ticket(client, id).act(action)));
      }
      int messages = 1 + i;
      // one event at a time, as a webhook trickles in: each its own workflow task, so the history grows past 100
      deliverUntil(event, v -> v.messages().size() == messages);
    }
    for (CompletableFuture<ActionResult> action : actions) {
      assertThat(action.get(30, TimeUnit.SECONDS)).isNotNull();
    }
    TicketView applied = awaitView(client, id, v -> v.continuedAsNew() > 0);
    assertThat(applied.eventsApplied()).isEqualTo(2 + more + actions.size());

    CompletableFuture<ActionResult> paused = CompletableFuture.supplyAsync(
        () -> ticket(client, id).act(e.of(TicketEventType.ASSISTANT_PAUSED)));
    assertThat(paused.get(30, TimeUnit.SECONDS).version()).isGreaterThanOrEqualTo(3 + more + actions.size());
    assertThat(ticket(client, id).view().assistantPaused()).isTrue();

    assertThat(receiver.attempts).extracting(Attempt::idempotencyKey).containsOnly(
        receiver.attempts.get(0).idempotencyKey());
    assertThat(receiver.attempts).extracting(Attempt::runId).as("re-issued by the next run").doesNotHaveDuplicates()
        .hasSizeGreaterThan(1);

    // the receiver comes back: the next run's re-issue reaches it (without waiting out the retry backoff)
    receiver.up = true;
    int runsBefore = ticket(client, id).view().continuedAsNew();
    for (int i = 1; ticket(client, id).view().continuedAsNew() == runsBefore; i++) {
      int messages = 1 + more + i;
      deliverUntil(e.analystSays("b" + i, "back soon " + i), v -> v.messages().size() == messages);
    }
    TicketView delivered = awaitView(client, id, v -> v.decisions().stream()
        .anyMatch(d -> d.action().equals("outbound delivered")));
    assertThat(delivered.alerts()).hasSize(1);
    assertThat(receiver.delivered).singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo(OutboundKind.ALERT));
  }

  /**
   * Delivers the event again (same event id, as a webhook sender retries) until the ticket shows it: the test server
   * is known to drop a signal that races a continue-as-new (temporalio/sdk-java#1538), which a real cluster does not.
   */
  private void deliverUntil(TicketEvent event, Predicate<TicketView> applied) {
    for (int attempt = 1; ; attempt++) {
      deliver(client, SETTINGS, event);
      try {
        awaitView(client, event.ticketId(), Duration.ofSeconds(3), applied);
        return;
      } catch (AssertionError notYet) {
        if (attempt == 5) {
          throw notYet;
        }
      }
    }
  }

  private record Attempt(String idempotencyKey, String runId) {}

  /** A receiver that refuses connections until {@code up}; records each attempt with the run that made it. */
  static final class DownReceiver implements OutboundActivities {
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
    volatile boolean up;

    @Override
    public OutboundResult send(OutboundMessage message) {
      String runId = Activity.getExecutionContext().getInfo().getRunId();
      if (attempts.stream().noneMatch(a -> a.runId().equals(runId) && a.idempotencyKey()
          .equals(message.idempotencyKey()))) {
        attempts.add(new Attempt(message.idempotencyKey(), runId));
      }
      if (!up) {
        throw new IllegalStateException("connection refused");
      }
      delivered.add(message);
      return new OutboundResult(SendStatus.DELIVERED, 202, "");
    }
  }
}
