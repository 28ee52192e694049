package dev.vigil.starter.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.MiniLmEmbedder;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.testkit.temporal.SearchAttributes;
import dev.vigil.testkit.temporal.TestPayloadKeys;
import dev.vigil.worker.VigilWorkerApplication;
import dev.vigil.worker.temporal.EmbeddedTemporalServer;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketDelivery;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TicketWorkflow;
import dev.vigil.workflows.ticket.TicketWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An activity worker JVM is killed (SIGKILL) while a ticket's activities are running — a direct answer held mid-send by the
 * ticketing system, a customer turn in the assistant's pipeline, a closed ticket's learning — and a new worker JVM
 * takes over. Every ticket reaches its final state, the ticketing system gets each customer message under one
 * idempotency key (a retried send repeats the key), and no knowledge entry is written twice.
 */
class WorkerCrashTest {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  private EmbeddedTemporalServer temporal;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private HttpServer receiver;
  private final List<String> deliveries = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstDelivery = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Process> workers = new ArrayList<>();
  private WorkerFactory workflowWorker;

  @BeforeEach
  void start() throws IOException {
    temporal = EmbeddedTemporalServer.start(0);
    stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    SearchAttributes.register(stubs);
    client = WorkflowClient.newInstance(stubs, TestPayloadKeys.clientOptions());
    // workflows run here, activities in the worker JVMs that get killed: the in-process dev server never moves a
    // dead worker's sticky workflow tasks back to the shared queue (a Temporal cluster does, after 5 s)
    workflowWorker = WorkerFactory.newInstance(client);
    workflowWorker.newWorker(TaskQueues.TICKETS).registerWorkflowImplementationTypes(TicketWorkflowImpl.class,
        LearningWorkflowImpl.class);
    workflowWorker.start();

    // the ticketing system: records every delivery's idempotency key; holds the first one until released
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      deliveries.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      exchange.getRequestBody().readAllBytes();
      if (deliveries.size() == 1) {
        firstDelivery.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.start();

    try (MiniLmEmbedder embedder = MiniLmEmbedder.load(Path.of("target", "djl-cache"), 2);
        LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir.resolve("data/knowledge/lucene"), embedder,
            "standard", Clock.systemUTC())) {
      index.bulkUpsert(List.of(KnowledgeEntry.draft("faq-quota", EntryKind.DOC,
          "Why do snapshots fail with QuotaExceeded?", "The project reached its snapshot quota; delete old "
              + "snapshots or raise the quota under Settings > Limits.", null, List.of(), "global",
          Provenance.imported("faq"), EntryStatus.ACTIVE)));
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    workers.forEach(Process::destroyForcibly);
    workflowWorker.shutdownNow();
    receiver.stop(0);
    stubs.shutdownNow();
    temporal.close();
  }

  @Test
  void aKilledWorkerIsReplaced_andNothingIsLostOrDoubled() throws Exception {
    Process first = startWorker("w1");

    // 1. a direct answer (auto delivery) is being sent when the worker dies
    deliver(created("CR-ANSWER"));
    deliver(customerSays("CR-ANSWER", "m1", "Our snapshots fail with QuotaExceeded, why?"));
    assertThat(firstDelivery.await(90, TimeUnit.SECONDS)).as("the answer reached the ticketing system").isTrue();
    // 2. a customer turn queued for the pipeline, 3. a closed ticket handed to learning
    deliver(created("CR-PIPE"));
    deliver(customerSays("CR-PIPE", "m1", "Why do snapshots fail with QuotaExceeded?"));
    deliver(created("CR-LEARN"));
    deliver(customerSays("CR-LEARN", "m1", "The nightly export job of the zq-reporting app stops at 2 GB."));
    deliver(analystSays("CR-LEARN", "m2", "Exports over 2 GB need multipart mode: set export.multipart=true in "
        + "the job settings and the export continues past 2 GB."));
    deliver(event("CR-LEARN", TicketEventType.RESOLVED, null));
    deliver(event("CR-LEARN", TicketEventType.CLOSED, null));

    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no goodbyes
    release.countDown();
    Process second = startWorker("w2");

    TicketView answered = await("CR-ANSWER", v -> v.suggestions().stream()
        .anyMatch(s -> s.state() == SuggestionState.ANSWERED)
        && v.decisions().stream().anyMatch(d -> d.action().equals("outbound delivered")));
    TicketView pipelined = await("CR-PIPE", v -> !v.suggestions().isEmpty());
    TicketView learned = await("CR-LEARN", v -> v.learning() != null);
    client.newUntypedWorkflowStub(learned.learning().workflowId()).getResult(
        dev.vigil.workflows.learning.LearningOutcome.class);
    await("CR-PIPE", v -> v.decisions().stream().anyMatch(d -> d.action().equals("outbound delivered")));

    assertThat(answered.status()).isNotEqualTo(TicketStatus.CLOSED);
    assertThat(pipelined.suggestions().get(0).citations()).containsExactly("faq-quota");
    assertThat(deliveries).as("the send cut off by the kill was retried under the same key").hasSizeGreaterThan(2);
    assertThat(deliveries.stream().distinct().count()).as("one key per customer message")
        .isEqualTo(2);

    second.destroy(); // a clean stop releases the index for reading
    second.waitFor(30, TimeUnit.SECONDS);
    try (MiniLmEmbedder embedder = MiniLmEmbedder.load(Path.of("target", "djl-cache"), 2);
        LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir.resolve("data/knowledge/lucene"), embedder,
            "standard", Clock.systemUTC())) {
      List<KnowledgeEntry> fromLearn = index.list(KnowledgeFilter.ALL, 0, 100).stream()
          .filter(e -> e.provenance().ticketIds().contains("CR-LEARN")).toList();
      assertThat(fromLearn).as("learned once").singleElement()
          .satisfies(e -> assertThat(e.answer()).contains("multipart"));
    }
  }

  private Process startWorker(String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", System.getProperty("java.class.path"), VigilWorkerApplication.class.getName(),
        "--server.port=0", "--spring.main.banner-mode=off")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("VIGIL_TEMPORAL_TARGET", temporal.target());
    pb.environment().put("VIGIL_PAYLOAD_KEYS", TestPayloadKeys.TEXT);
    pb.environment().put("VIGIL_DATA_DIR", dir.resolve("data").toString());
    pb.environment().put("VIGIL_MODEL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    pb.environment().put("VIGIL_WEBHOOK_SECRET", "crash-test-secret");
    pb.environment().put("VIGIL_ADMIN_PASSWORD", "crash-test-admin");
    pb.environment().put("VIGIL_OUTBOUND_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/");
    pb.environment().put("VIGIL_WORKER_WORKFLOWS", "false");
    pb.environment().put("VIGIL_ASSISTANT_DELIVERY", "auto");
    pb.environment().put("VIGIL_ASSISTANT_AUTO_WAIT", "1s");
    pb.environment().put("VIGIL_ASSISTANT_AUTO_MIN_CONFIDENCE", "0.5");
    Process process = pb.start();
    workers.add(process);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("worker polling task queue")) {
        return process;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("worker " + name + " exited: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("worker " + name + " did not start: " + Files.readString(log));
  }

  private TicketView await(String ticketId, Predicate<TicketView> condition) throws InterruptedException {
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", ticketId));
    long deadline = System.nanoTime() + WAIT.toNanos();
    TicketView view = null;
    while (System.nanoTime() < deadline) {
      try {
        view = ticket.view();
      } catch (io.temporal.client.WorkflowServiceException e) {
        // a query needs a live worker: right after the kill it waits for the dead one's sticky queue to time out
        Thread.sleep(500);
        continue;
      }
      if (condition.test(view)) {
        return view;
      }
      Thread.sleep(100);
    }
    List<String> events = client.fetchHistory(TicketIds.workflowId("desk", ticketId)).getEvents().stream()
        .map(e -> e.getEventId() + ":" + e.getEventType().name().replace("EVENT_TYPE_", "")).toList();
    throw new AssertionError(ticketId + " did not reach the expected state; decisions: "
        + (view == null ? "none" : view.decisions()) + "; history: " + events.subList(Math.max(0,
            events.size() - 25), events.size()) + "; last worker's log: " + tail(workers.size()));
  }

  private String tail(int worker) {
    try {
      String log = Files.readString(dir.resolve("w" + worker + ".log"));
      return log.substring(Math.max(0, log.length() - 4000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void deliver(TicketEvent event) {
    // the assistant's turn on the heavy queue, in the worker JVMs this test kills (not in this process)
    TicketDelivery.signalWithStart(client, "desk", TicketSettings.defaults().withAssistantInProcess(false), event);
  }

  private static TicketEvent created(String id) {
    return new TicketEvent("e-" + UUID.randomUUID(), TicketEventType.CREATED, Instant.now(), new TicketFacts(id,
        "Crash test " + id, null, Priority.P3, null, new Customer("c-" + id, "acme", "Dana", null)), null, null, null,
        null);
  }

  private static TicketEvent customerSays(String id, String messageId, String text) {
    return new TicketEvent("e-" + UUID.randomUUID(), TicketEventType.MESSAGE_POSTED, Instant.now(),
        TicketFacts.onlyId(id), new IncomingMessage(messageId, Role.CUSTOMER, "Dana", text), null, null, null);
  }

  private static TicketEvent analystSays(String id, String messageId, String text) {
    return new TicketEvent("e-" + UUID.randomUUID(), TicketEventType.MESSAGE_POSTED, Instant.now(),
        TicketFacts.onlyId(id), new IncomingMessage(messageId, Role.ANALYST, "Eli", text), null, null, null);
  }

  private static TicketEvent event(String id, TicketEventType type, String note) {
    return new TicketEvent("e-" + UUID.randomUUID(), type, Instant.now(), TicketFacts.onlyId(id), null, null, note,
        null);
  }
}
