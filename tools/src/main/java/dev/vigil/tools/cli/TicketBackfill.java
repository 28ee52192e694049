package dev.vigil.tools.cli;

import dev.vigil.activities.learning.importing.TicketFile;
import dev.vigil.workflows.learning.HistoricalTicket;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearningOutcome;
import dev.vigil.workflows.learning.LearningWorkflow;
import dev.vigil.workflows.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Backfill: runs historical resolved tickets through the same learning workflow as tickets that close live. Each
 * ticket is learned under a fixed workflow id, and each finished ticket is appended to a checkpoint file, so an
 * interrupted import resumes where it stopped and a re-run skips what was learned.
 */
final class TicketBackfill {

  /** What an import did: counts by outcome and the reasons tickets were skipped. */
  record Summary(int learned, int merged, int unchanged, int alreadyDone, List<String> skipped, List<String> failed) {}

  private final WorkflowClient client;
  private final String source;
  private final Path checkpoint;
  private final int concurrency;

  TicketBackfill(WorkflowClient client, String source, Path checkpoint, int concurrency) {
    this.client = client;
    this.source = source;
    this.checkpoint = checkpoint;
    this.concurrency = concurrency;
  }

  Summary run(List<TicketFile.Item> items, ProgressBar progress) {
    Set<String> done = readCheckpoint();
    List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    int[] counts = new int[4];
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      Map<TicketFile.Item, Future<LearningOutcome>> running = new LinkedHashMap<>();
      for (TicketFile.Item item : items) {
        if (done.contains(item.ticket().id())) {
          counts[3]++;
          continue;
        }
        running.put(item, pool.submit(() -> learn(item.ticket())));
      }
      int finished = counts[3];
      progress.update(finished);
      for (Map.Entry<TicketFile.Item, Future<LearningOutcome>> e : running.entrySet()) {
        String id = e.getKey().ticket().id();
        try {
          LearningOutcome outcome = e.getValue().get();
          synchronized (counts) {
            counts[0] += (int) outcome.count(KnowledgeChange.CREATED);
            counts[1] += (int) outcome.count(KnowledgeChange.MERGED);
            counts[2] += (int) outcome.count(KnowledgeChange.UNCHANGED);
          }
          outcome.changes().stream().filter(c -> c.action().equals(KnowledgeChange.SKIPPED))
              .forEach(c -> skipped.add(id + ": " + c.reason()));
          markDone(id);
        } catch (java.util.concurrent.ExecutionException ex) {
          failed.add(id + ": " + rootMessage(ex));
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted; re-run the import to resume", ex);
        }
        progress.update(++finished);
      }
    } finally {
      pool.shutdownNow();
    }
    progress.finish();
    return new Summary(counts[0], counts[1], counts[2], counts[3], List.copyOf(skipped), List.copyOf(failed));
  }

  private LearningOutcome learn(HistoricalTicket ticket) {
    String workflowId = HistoricalTicket.learningWorkflowId(source, ticket.id());
    LearningWorkflow learning = client.newWorkflowStub(LearningWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.TICKETS)
        // a finished run is learned already: its result is reused, never learned twice
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(learning::learn, ticket.toClosedTicket(source));
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      // started by an earlier, interrupted import (still running or finished): wait for that run instead
    }
    return client.newUntypedWorkflowStub(workflowId).getResult(LearningOutcome.class);
  }

  private Set<String> readCheckpoint() {
    if (!Files.exists(checkpoint)) {
      return new HashSet<>();
    }
    try {
      return new HashSet<>(Files.readAllLines(checkpoint, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
    }
  }

  private synchronized void markDone(String ticketId) {
    try {
      Files.createDirectories(checkpoint.getParent());
      Files.writeString(checkpoint, ticketId + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + checkpoint + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
