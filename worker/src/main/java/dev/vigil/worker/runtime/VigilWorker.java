package dev.vigil.worker.runtime;

import dev.vigil.workflows.assistant.AssistantActivities;
import dev.vigil.workflows.assistant.RiskActivities;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.ticket.TicketWorkflowImpl;
import dev.vigil.worker.temporal.SearchAttributeRegistrar;
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
 * Polls Vigil's task queue with the ticket and learning workflows and their activities (assistant, learning), for
 * the life of the app.
 */
@Component
@ConditionalOnProperty(prefix = "vigil.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
public class VigilWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(VigilWorker.class);

  private final WorkerFactory factory;
  private final SearchAttributeRegistrar searchAttributes;
  private final boolean workflows;
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
    Worker worker = factory.newWorker(TaskQueues.TICKETS, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(properties.maxConcurrentActivities())
        .setMaxConcurrentWorkflowTaskExecutionSize(properties.maxConcurrentWorkflowTasks())
        .build());
    if (properties.workflows()) {
      worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class, LearningWorkflowImpl.class);
    }
    worker.registerActivitiesImplementations(learningActivities, assistantActivities, riskActivities,
        outboundActivities);
  }

  @Override
  public void start() {
    searchAttributes.ensureRegistered();
    factory.start();
    running = true;
    log.info("worker polling task queue {}{}", TaskQueues.TICKETS, workflows ? "" : " (activities only)");
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
