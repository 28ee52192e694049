package dev.vigil.starter.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.starter.config.RetentionProperties;
import dev.vigil.starter.erasure.ClosedTicketRetention;
import dev.vigil.workflows.ticket.TicketSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding and removing runs on Temporal's test server, the engine of Vigil's embedded dev server: it lists every
 * execution without search attributes and cannot delete, so removed runs are forgotten in a ledger that survives a
 * restart of the web application, and a ticket started again under the same id is visible.
 */
class DevServerWorkflowRunsTest {
  private static final String QUEUE = "runs-test";

  /** Stands in for the ticket workflow: the type name is what the runs are found by. */
  @WorkflowInterface
  public interface TicketWorkflow {
    @WorkflowMethod
    void run(boolean waitForever);
  }

  @WorkflowInterface
  public interface LearningWorkflow {
    @WorkflowMethod
    void learn();
  }

  public static class Ticket implements TicketWorkflow {
    @Override
    public void run(boolean waitForever) {
      if (waitForever) {
        Workflow.await(() -> false);
      }
    }
  }

  public static class Learning implements LearningWorkflow {
    @Override
    public void learn() {}
  }

  @TempDir
  Path dir;

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private DevServerWorkflowRuns runs;

  @BeforeEach
  void server() {
    env = TestWorkflowEnvironment.newInstance();
    TicketSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(Ticket.class, Learning.class);
    env.start();
    client = env.getWorkflowClient();
    runs = newRuns();
  }

  private DevServerWorkflowRuns newRuns() {
    return new DevServerWorkflowRuns(env.getWorkflowServiceStubs(), env.getNamespace(),
        new RemovedRuns(dir.resolve("temporal").resolve("removed-runs.tsv")));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private void ticket(String id, String tenant, String customerKey, boolean open) {
    TicketWorkflow stub = client.newWorkflowStub(TicketWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(id).setTaskQueue(QUEUE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(TicketSearchAttributes.TENANT, tenant).set(TicketSearchAttributes.CUSTOMER, customerKey).build())
        .build());
    WorkflowClient.start(stub::run, open);
    if (!open) {
      client.newUntypedWorkflowStub(id).getResult(Void.class);
    }
  }

  private void learning(String id) {
    client.newWorkflowStub(LearningWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId(id)
        .setTaskQueue(QUEUE).build()).learn();
  }

  @Test
  void findsACustomersTicketsAndATicketsLearningRuns() {
    ticket("ticket:desk:1", "acme", "key-ada", false);
    ticket("ticket:desk:2", "acme", "key-ada", true);
    ticket("ticket:desk:3", "acme", "key-alan", false);
    ticket("ticket:desk:4", "globex", "key-ada", false);
    learning("learning:desk:1:1");
    learning("learning:desk:1:2");
    learning("learning:desk:10:1");

    assertThat(runs.ticketsOf("acme", "key-ada")).containsExactlyInAnyOrder("ticket:desk:1", "ticket:desk:2");
    assertThat(runs.ticketsOf("globex", "key-ada")).containsExactly("ticket:desk:4");
    assertThat(runs.learningOf("ticket:desk:1")).containsExactlyInAnyOrder("learning:desk:1:1", "learning:desk:1:2");
    assertThat(runs.learningOf("ticket:desk:2")).isEmpty();
  }

  @Test
  void removedRunsAreForgotten_evenByANewInstance_butATicketStartedAgainIsVisible() {
    ticket("ticket:desk:1", "acme", "key-ada", true);
    ticket("ticket:desk:2", "acme", "key-ada", false);

    assertThat(runs.remove("ticket:desk:1")).isEqualTo(1);

    assertThat(runs.removed("ticket:desk:1")).isTrue();
    assertThat(runs.removed("ticket:desk:2")).isFalse();
    assertThat(runs.ticketsOf("acme", "key-ada")).containsExactly("ticket:desk:2");
    assertThat(newRuns().removed("ticket:desk:1")).as("read back from the ledger").isTrue();
    assertThat(runs.remove("ticket:desk:1")).as("removing again removes nothing new").isEqualTo(1);

    ticket("ticket:desk:1", "acme", "key-ada", false);
    assertThat(runs.removed("ticket:desk:1")).isFalse();
    assertThat(runs.ticketsOf("acme", "key-ada")).contains("ticket:desk:1");
  }

  @Test
  void retentionRemovesTicketsThatEndedLongEnoughAgo_withTheirLearning() {
    ticket("ticket:desk:1", "acme", "key-ada", false);
    learning("learning:desk:1:1");
    ticket("ticket:desk:2", "acme", "key-ada", true);
    RetentionProperties oneHour = new RetentionProperties(Duration.ofHours(1), Duration.ofHours(1));

    Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    assertThat(new ClosedTicketRetention(oneHour, runs, now).sweep()).as("ended just now").isZero();

    Clock later = Clock.offset(now, Duration.ofHours(2));
    assertThat(new ClosedTicketRetention(oneHour, runs, later).sweep()).isEqualTo(1);
    assertThat(runs.removed("ticket:desk:1")).isTrue();
    assertThat(runs.removed("learning:desk:1:1")).isTrue();
    assertThat(runs.removed("ticket:desk:2")).as("still open").isFalse();
    assertThat(new ClosedTicketRetention(oneHour, runs, later).sweep()).as("nothing left").isZero();
    assertThat(new ClosedTicketRetention(new RetentionProperties(null, Duration.ofHours(1)), runs, later).sweep())
        .as("no retention set: runs stay until the namespace's retention").isZero();
  }
}
