package dev.vigil.worker.runtime;

import dev.vigil.worker.temporal.SearchAttributeRegistrar;
import dev.vigil.workflows.assistant.AssessActivities;
import dev.vigil.workflows.assistant.AssistantActivities;
import dev.vigil.workflows.assistant.ComposedAssessment;
import dev.vigil.workflows.assistant.RiskActivities;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.ticket.TicketWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls Vigil's task queues for the life of the app: the tickets queue with the ticket and learning workflows, the
 * sends and the in-process assistant turn; the heavy queue with learning and the LLM assistant turn, in few slots.
 */
@Component
@ConditionalOnProperty(prefix = "vigil.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
public class VigilWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(VigilWorker.class);

  private final WorkerFactory factory;
  private final SearchAttributeRegistrar searchAttributes;
  private final boolean workflows;
  private final int heavySlots;
  private volatile boolean running;

  public VigilWorker(
      WorkflowClient client,
      WorkerProperties properties,
      SearchAttributeRegistrar searchAttributes,
      LearningActivities learningActivities,
      AssistantActivities assistantActivities,
      RiskActivities riskActivities,
      OutboundActivities outboundActivities) {
    this.searchAttributes = searchAttributes;
    this.workflows = properties.workflows();
    this.factory = WorkerFactory.newInstance(client);
    AssessActivities assistantTurn = new ComposedAssessment(assistantActivities, riskActivities);
    int heavy = properties.heavySlotsOrCores();
    // workflows, the sends, and the no-LLM assistant turn as a local activity (in its own slots)
    Worker tickets = factory.newWorker(TaskQueues.TICKETS, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(properties.maxConcurrentActivities())
        .setMaxConcurrentWorkflowTaskExecutionSize(properties.maxConcurrentWorkflowTasks())
        .setMaxConcurrentLocalActivityExecutionSize(heavy)
        .build());
    if (properties.workflows()) {
      tickets.registerWorkflowImplementationTypes(TicketWorkflowImpl.class, LearningWorkflowImpl.class);
      tickets.registerActivitiesImplementations(assistantTurn, outboundActivities);
    } else {
      tickets.registerActivitiesImplementations(outboundActivities);
    }
    // learning and the LLM assistant turn: CPU and seconds each, capped so they cannot starve the workflow tasks
    Worker heavyWork = factory.newWorker(TaskQueues.HEAVY, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(heavy)
        .build());
    heavyWork.registerActivitiesImplementations(learningActivities, assistantTurn);
    this.heavySlots = heavy;
  }

  @Override
  public void start() {
    searchAttributes.ensureRegistered();
    factory.start();
    running = true;
    log.info("worker polling task queues {} and {} ({} heavy slots){}", TaskQueues.TICKETS, TaskQueues.HEAVY,
        heavySlots, workflows ? "" : " (activities only)");
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
