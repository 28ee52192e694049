package dev.vigil.workflows.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearningWorkflowTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private LearningWorkflow start(LearningActivities activities) {
    Worker worker = env.newWorker(TaskQueues.TICKETS);
    worker.registerWorkflowImplementationTypes(LearningWorkflowImpl.class);
    env.newWorker(TaskQueues.HEAVY).registerActivitiesImplementations(activities);
    env.start();
    return client.newWorkflowStub(LearningWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(HistoricalTicket.learningWorkflowId("desk", "H-1")).setTaskQueue(TaskQueues.TICKETS).build());
  }

  private static ClosedTicket historical() {
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    return new HistoricalTicket("H-1", "MQTT client disconnects every 60 s", List.of(
        new HistoricalTicket.Turn("customer", "carol", "My MQTT client drops every minute. Why?", t),
        new HistoricalTicket.Turn("analyst", "dave", "Set keepalive below the broker's idle timeout.",
            t.plusSeconds(600))),
        "Set the client keepalive below the broker's idle timeout.", List.of("mqtt"), "acme", "broker")
        .toClosedTicket("desk");
  }

  @Test
  void givenVerdictsAndAPair_itReviewsBeforeItExtracts_andReportsEveryChange() {
    RecordingLearningActivities activities = new RecordingLearningActivities();
    activities.verdicts = List.of(
        new ReviewVerdict("k#review:S1", "S1", List.of("faq-1", "faq-2"), ReviewVerdict.DELETE, null, "dismissed",
            "dismissed and contradicted"),
        new ReviewVerdict("k#review:S2", "S2", List.of("faq-3"), ReviewVerdict.KEEP, null, "adopted", "adopted"));
    LearningOutcome outcome = start(activities).learn(historical());

    assertThat(activities.calls).containsExactly("prepare", "review", "apply:delete", "apply:keep", "extract",
        "write");
    assertThat(outcome.ticketId()).isEqualTo("H-1");
    assertThat(outcome.valuesRedacted()).isEqualTo(2);
    assertThat(outcome.changes()).extracting(KnowledgeChange::entryId)
        .containsExactly("faq-1", "faq-2", "faq-3", "learned-ticket:desk:H-1#1#qa1");
    assertThat(activities.recorded).singleElement().satisfies(t -> {
      assertThat(t.ticket().resolutionNote()).startsWith("Set the client keepalive");
      assertThat(t.ticket().customer().tenant()).isEqualTo("acme");
      assertThat(t.ticket().messages()).hasSize(2);
    });
  }

  @Test
  void givenNothingToLearn_itRecordsTheSkipWithItsReason() {
    RecordingLearningActivities activities = new RecordingLearningActivities();
    activities.nothingToLearn = true;
    LearningOutcome outcome = start(activities).learn(historical());
    assertThat(outcome.changes()).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo(KnowledgeChange.SKIPPED);
      assertThat(c.reason()).contains("no analyst answer");
    });
  }

  @Test
  void givenTheIndexIsDown_theWriteIsRetriedUntilItSucceeds_andNothingIsLost() {
    AtomicInteger attempts = new AtomicInteger();
    RecordingLearningActivities activities = new RecordingLearningActivities() {
      @Override
      public KnowledgeChange write(LearningCase learningCase, LearnedQa pair) {
        if (attempts.incrementAndGet() < 4) {
          throw new IllegalStateException("knowledge index unreachable");
        }
        return super.write(learningCase, pair);
      }
    };
    LearningOutcome outcome = start(activities).learn(historical());
    assertThat(attempts).hasValue(4);
    assertThat(outcome.changes()).extracting(KnowledgeChange::action).containsExactly(KnowledgeChange.CREATED);
  }
}
