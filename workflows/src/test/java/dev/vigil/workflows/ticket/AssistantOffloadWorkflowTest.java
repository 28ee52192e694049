package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.AssessActivities;
import dev.vigil.workflows.assistant.AssessRequest;
import dev.vigil.workflows.assistant.Assessment;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TestKeys;
import dev.vigil.workflows.testing.TicketEvents;
import io.temporal.activity.Activity;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While the worker keeps up, the no-LLM assistant turn runs inside the workflow task (a local activity); a turn that
 * comes late — its workflow task waited behind others — runs on the heavy queue instead, so the workflow tasks behind
 * it (timers above all) are not held while it embeds and searches. Here two workflow-task slots make the backlog:
 * three tickets' turns fall due together, two hold the slots for seconds, the third comes late.
 */
class AssistantOffloadWorkflowTest {
  private final ScriptedAssistant scripted = new ScriptedAssistant();
  private final Map<String, Boolean> ranLocally = new ConcurrentHashMap<>();
  private final TicketSettings settings = TicketSettings.defaults();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  /** The scripted turn, recording where it ran; a local run takes seconds, as a saturated embedding pool would. */
  public class SlowWhereLocal implements AssessActivities {
    @Override
    public Assessment assess(AssessRequest request) {
      boolean local = Activity.getExecutionContext().getInfo().isLocal();
      ranLocally.put(request.ticketId(), local);
      if (local) {
        try {
          Thread.sleep(4_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return scripted.assess(request);
    }
  }

  @BeforeEach
  void start() {
    // no sticky queue, so the two workflow-task slots serve one queue and a third task must wait for one
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(TestKeys.clientOptions())
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
        .build());
    TicketSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    SlowWhereLocal assess = new SlowWhereLocal();
    Worker tickets = env.newWorker(TaskQueues.TICKETS, WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskExecutionSize(2)
        .build());
    tickets.registerWorkflowImplementationTypes(TicketWorkflowImpl.class, LearningWorkflowImpl.class);
    tickets.registerActivitiesImplementations(assess, new RecordingOutbound());
    env.newWorker(TaskQueues.HEAVY).registerActivitiesImplementations(assess, new RecordingLearningActivities());
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aTurnThatComesLateRunsOnTheHeavyQueue() {
    java.util.List<String> ids = java.util.List.of("OFF-A", "OFF-B", "OFF-C");
    for (String id : ids) {
      deliver(client, settings, new TicketEvents(id).created("Cannot log in", Priority.P2));
    }
    for (String id : ids) {
      deliver(client, settings, new TicketEvents(id).customerSays(id + "-m1", "How do I reset my password?"));
    }
    for (String id : ids) {
      awaitView(client, id, Duration.ofSeconds(30), v -> v.messages().size() == 1);
    }

    env.sleep(settings.assistantBatchWindow().plusMillis(200));
    for (String id : ids) {
      TicketView view = awaitView(client, id, Duration.ofSeconds(60), v -> v.suggestions().size() == 1);
      assertThat(view.suggestions().get(0).citations()).containsExactly("faq-password");
    }

    assertThat(ranLocally).containsOnlyKeys(ids);
    assertThat(ranLocally.values()).as("in process while the worker keeps up, on the heavy queue when late")
        .contains(true, false);
  }
}
