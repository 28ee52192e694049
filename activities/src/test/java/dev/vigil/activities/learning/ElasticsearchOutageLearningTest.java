package dev.vigil.activities.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchKnowledgeIndex;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchSettings;
import dev.vigil.testkit.elasticsearch.LocalElasticsearch;
import dev.vigil.testkit.temporal.TestPayloadKeys;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearningOutcome;
import dev.vigil.workflows.learning.LearningWorkflow;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch goes down while a closed ticket is being learned from: the write step fails and is retried by
 * Temporal until the server is back, then the entry appears — once, with one version.
 */
class ElasticsearchOutageLearningTest {

  @Test
  void learningWaitsOutAnElasticsearchOutage_andWritesTheEntryOnce() throws Exception {
    LocalElasticsearch es = LocalElasticsearch.shared();
    String alias = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    LearningSettings settings = LearningSettings.defaults();
    try (ElasticsearchKnowledgeIndex index = ElasticsearchKnowledgeIndex.connect(
            new ElasticsearchSettings(es.url(), null, null, alias, "standard", "true"), SharedEmbedder.get(),
            Clock.systemUTC());
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(TestPayloadKeys.clientOptions()).build())) {
      Worker worker = env.newWorker(TaskQueues.TICKETS);
      worker.registerWorkflowImplementationTypes(LearningWorkflowImpl.class);
      env.newWorker(TaskQueues.HEAVY).registerActivitiesImplementations(new LearningActivitiesImpl(
          new CasePreparer(new Redactor(), settings),
          new AnswerReviewer(SharedEmbedder.get(), settings),
          new OpenAnswerReviewer(SharedEmbedder.get(), settings), new RuleBasedQaExtractor(settings),
          new KnowledgeWriter(index, SharedEmbedder.get(), settings), new SimpleMeterRegistry()));
      env.start();
      ClosedTicket ticket = LearningFixtures.closed("OUT-1", "Broker drops MQTT clients", "broker",
          new Customer("c-1", "acme", "Dora", "dora@example.com"), new Analyst("a-1", "Eve"), List.of(
              LearningFixtures.customerSays("m1", "Dora", "Why does the broker drop my MQTT clients every minute?"),
              LearningFixtures.analystSays("m2", "Eve", "The clients' keepalive is longer than the broker's idle "
                  + "timeout; set the keepalive below 60 seconds so the broker sees traffic in time.")),
          List.of(), null);

      es.stop();
      try {
        LearningWorkflow learning = env.getWorkflowClient().newWorkflowStub(LearningWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("learning:desk:OUT-1:1").setTaskQueue(TaskQueues.TICKETS)
                .build());
        CompletableFuture<LearningOutcome> outcome = WorkflowClient.execute(learning::learn, ticket);
        Thread.sleep(3_000);
        assertThat(outcome).as("learning waits while Elasticsearch is down").isNotDone();
        assertThat(learning.changes()).as("nothing written yet").isEmpty();
        es.start();
        LearningOutcome done = outcome.get(3, TimeUnit.MINUTES);
        assertThat(done.changes()).extracting(KnowledgeChange::action).containsExactly(KnowledgeChange.CREATED);
      } finally {
        es.start();
      }
      List<KnowledgeEntry> entries = index.list(KnowledgeFilter.ALL, 0, 10);
      assertThat(entries).singleElement().satisfies(e -> {
        assertThat(e.provenance().ticketIds()).containsExactly("OUT-1");
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.answer()).contains("keepalive");
      });
    }
  }
}
