package dev.vigil.workflows.testing;

import static org.awaitility.Awaitility.await;

import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.ticket.TicketDelivery;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSearchAttributes;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TicketWorkflow;
import dev.vigil.workflows.ticket.TicketWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one place the workflow tests get their Temporal environment, deliver ticket events and wait for a ticket to
 * reach a state: a time-skipping test server with Vigil's search attributes, payloads encrypted with the test key,
 * and a worker on the production task queue; events delivered the way the intake does; waiting done by Awaitility.
 * Published to the other modules' tests through the {@code testkit} module (this package is the workflows
 * module's test jar: {@code workflows} cannot depend on {@code testkit}, which depends on it).
 */
public final class TicketWorkflowKit {
  /** The source every test ticket comes from. */
  public static final String SOURCE = "desk";
  /** How long a test waits for a ticket to reach the state it expects. */
  public static final Duration PATIENCE = Duration.ofSeconds(15);

  private TicketWorkflowKit() {}

  /**
   * Starts a test environment whose worker runs the ticket and learning workflows with these activities (the
   * assistant and risk-rule activities are usually one object); {@code start} null starts the clock now.
   */
  public static TestWorkflowEnvironment newEnvironment(Instant start, Object... activities) {
    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(TestKeys.clientOptions()); // payloads encrypted as in production
    if (start != null) {
      options.setInitialTimeMillis(start.toEpochMilli());
    }
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options.build());
    TicketSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // as production: workflows, sends and the in-process assistant turn on the tickets queue, the heavy activities
    // (learning, an LLM assistant) on their own
    Worker worker = env.newWorker(TaskQueues.TICKETS);
    worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class, LearningWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.newWorker(TaskQueues.HEAVY).registerActivitiesImplementations(activities);
    env.start();
    return env;
  }

  /** {@link #newEnvironment(Instant, Object...)} with the clock starting now. */
  public static TestWorkflowEnvironment newEnvironment(LearningActivities learning, Object assistant,
      OutboundActivities outbound) {
    return newEnvironment(null, learning, assistant, outbound);
  }

  /** Delivers one webhook event the way the intake does: signal-with-start. */
  public static void deliver(WorkflowClient client, TicketSettings settings, TicketEvent event) {
    TicketDelivery.signalWithStart(client, SOURCE, settings, event);
  }

  /** The ticket's workflow stub. */
  public static TicketWorkflow ticket(WorkflowClient client, String ticketId) {
    return client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId(SOURCE, ticketId));
  }

  /** Queries until the view satisfies {@code condition}: signals are applied asynchronously to their delivery. */
  public static TicketView awaitView(WorkflowClient client, String ticketId, Predicate<TicketView> condition) {
    return awaitView(client, ticketId, PATIENCE, condition);
  }

  /** {@link #awaitView(WorkflowClient, String, Predicate)} with its own patience. */
  public static TicketView awaitView(WorkflowClient client, String ticketId, Duration patience,
      Predicate<TicketView> condition) {
    AtomicReference<TicketView> last = new AtomicReference<>();
    try {
      return await().atMost(patience).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO)
          .until(() -> {
            TicketView view = ticket(client, ticketId).view();
            last.set(view);
            return view;
          }, condition::test);
    } catch (ConditionTimeoutException e) {
      String seen = String.valueOf(last.get());
      throw new AssertionError("ticket " + ticketId + " never reached the expected state within " + patience
          + "; last view: " + (seen.length() > 4_000 ? seen.substring(0, 4_000) + "…" : seen));
    }
  }

  /**
   * Replays {@code history} against the current {@link TicketWorkflowImpl} on a worker that decodes payloads with
   * the test key, as a production worker decodes its own; throws on non-determinism.
   */
  public static void replay(WorkflowExecutionHistory history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(TestKeys.clientOptions()).build())) {
      Worker worker = env.newWorker(TaskQueues.TICKETS);
      worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class, LearningWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
  }
}
