package dev.vigil.tools.bench;

import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketDelivery;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TicketWorkflow;
import dev.vigil.workflows.ticket.TimelineEntry;
import dev.vigil.workflows.ticket.TimelineKind;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./vigil bench scale}: opens many tickets at once, each with a dialogue and a pending progress-update timer,
 * on the embedded stack (one process: web app, worker, in-process dev server), then reports the time to open them,
 * the heap and resident memory, and how late a sample of their progress updates went out (from each ticket's
 * timeline: when the update was due, when it was sent).
 */
public final class ScaleBenchmark {

  /**
   * The benchmark's settings. Every ticket has a progress timer pending at the production P2 cadence (2 h); the
   * {@code sample} opened last get {@code cadence} instead, so their timers fire during the run and are measured.
   */
  public record Options(int tickets, int messages, Duration cadence, int sample, int senders, Path work) {}

  private final Options options;
  private final PrintStream out;
  private final TicketSettings sampleSettings;

  public ScaleBenchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
    TicketSettings d = TicketSettings.defaults();
    // every ticket has its progress timer pending (P2: every 2 h); the sample's fire within the run
    this.sampleSettings = new TicketSettings(d.maxRememberedEventIds(), d.maxDecisions(), d.maxMessages(),
        d.continueAsNewAfterEvents(), d.closedRetention(), d.assistantBatchWindow(), Map.of(Priority.P1,
        options.cadence(), Priority.P2, options.cadence(), Priority.P3, options.cadence(), Priority.P4,
        options.cadence()), Map.of(), Duration.ofDays(1), Duration.ofDays(2));
  }

  public void run() throws Exception {
    // the dialogue is load, not questions: the assistant is off for the benchmark's tenant
    ConfigurableApplicationContext vigil = EmbeddedVigil.start(options.work(),
        "--vigil.assistant.tenant-delivery.scale=off");
    try {
      WorkflowClient client = vigil.getBean(WorkflowClient.class);
      long heapBefore = usedHeapAfterGc();
      out.printf(Locale.ROOT, "opening %,d tickets with %d messages each (P2, progress every 2 h; the last %d every "
          + "%s), %d senders; heap after start-up %.0f MiB, RSS %.0f MiB%n", options.tickets(), options.messages(),
          options.sample(), options.cadence(),
          options.senders(), heapBefore / 1048576.0, rssBytes() / 1048576.0);
      long t0 = System.nanoTime();
      ExecutorService senders = Executors.newFixedThreadPool(options.senders());
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < options.tickets(); i++) {
        int n = i;
        opened.add(senders.submit(() -> open(client, n)));
      }
      for (Future<?> f : opened) {
        f.get();
      }
      senders.shutdown();
      double openSeconds = (System.nanoTime() - t0) / 1e9;
      int events = options.tickets() * (options.messages() + 1);
      out.printf(Locale.ROOT, "opened in %.0f s: %.0f tickets/s, %.0f events/s%n", openSeconds,
          options.tickets() / openSeconds, events / openSeconds);

      // the sample: the tickets opened last. Each one's first progress update is due a cadence after its last
      // message from support (or its creation), so by the end of opening plus a cadence at the latest. Lateness is
      // read from the ticket's own timeline, which records when each update was due and when it was sent; reading
      // the ticket's next check-in instead would see it already moved on to the following update once one was sent.
      Instant openedAt = Instant.now();
      Instant allDue = openedAt.plus(options.cadence());
      List<String> sample = new ArrayList<>();
      for (int i = options.tickets() - options.sample(); i < options.tickets(); i++) {
        sample.add("SCALE-" + i);
      }
      long heapOpen = usedHeapAfterGc();
      out.printf(Locale.ROOT, "all open: heap %.0f MiB after GC, RSS %.0f MiB; waiting for the sample's first "
          + "progress updates (all due by %s)%n", heapOpen / 1048576.0, rssBytes() / 1048576.0, allDue);
      Instant giveUp = allDue.plus(Duration.ofMinutes(10));
      if (Instant.now().isBefore(allDue)) {
        Thread.sleep(Duration.between(Instant.now(), allDue).toMillis());
      }
      List<Double> lateness = new ArrayList<>();
      int missing = 0;
      for (String id : sample) {
        TimelineEntry update = firstProgressUpdate(view(client, id));
        while (update == null && Instant.now().isBefore(giveUp)) {
          Thread.sleep(500);
          update = firstProgressUpdate(view(client, id));
        }
        if (update == null) {
          missing++;
        } else {
          lateness.add((double) Duration.between(update.progressDueAt(), update.at()).toMillis());
        }
      }
      Collections.sort(lateness);
      out.println();
      out.println("| tickets open | messages each | open time | tickets/s | heap after GC | process RSS | timer "
          + "lateness p50 / p99 / max | updates missing after 10 min |");
      out.println("|---|---|---|---|---|---|---|---|");
      out.printf(Locale.ROOT, "| %,d | %d | %.0f s | %.0f | %.0f MiB | %.0f MiB | %s / %s / %s ms | %d of %d |%n",
          options.tickets(), options.messages(), openSeconds, options.tickets() / openSeconds,
          heapOpen / 1048576.0, rssBytes() / 1048576.0, pct(lateness, 0.5), pct(lateness, 0.99),
          lateness.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", lateness.get(lateness.size() - 1)),
          missing, sample.size());
      out.println("(heap and RSS are the whole process: web app, worker with its workflow cache, the in-process dev "
          + "server holding every history, and the embedding model)");
      out.printf(Locale.ROOT, "RESULT tickets=%d heap_mib=%.0f timer_late_p50_ms=%.0f timer_late_p99_ms=%.0f "
          + "missing=%d%n", options.tickets(), heapOpen / 1048576.0, quantile(lateness, 0.5),
          quantile(lateness, 0.99), missing);
    } finally {
      vigil.close();
    }
  }

  private void open(WorkflowClient client, int n) {
    String id = "SCALE-" + n;
    TicketSettings settings = n >= options.tickets() - options.sample() ? sampleSettings : TicketSettings.defaults();
    send(client, settings, new TicketEvent(id + "-created", TicketEventType.CREATED, Instant.now(),
        new TicketFacts(id, "Scale ticket " + id, null, Priority.P2, null, new Customer("c-" + id, "scale", "Sam",
            null)), null, null, null, null));
    for (int m = 1; m <= options.messages(); m++) {
      Role role = m % 2 == 1 ? Role.CUSTOMER : Role.ANALYST;
      // the dialogue ends with the customer, so the ticket waits on support and its progress timer is pending
      if (m == options.messages()) {
        role = Role.CUSTOMER;
      }
      send(client, settings, new TicketEvent(id + "-m" + m, TicketEventType.MESSAGE_POSTED, Instant.now(),
          TicketFacts.onlyId(id), new IncomingMessage(id + "-msg" + m, role, role == Role.CUSTOMER ? "Sam" : "Ana",
          "Message " + m + " of the dialogue on " + id + ": the nightly job is slow again."), null, null, null));
    }
  }

  /** The ticket's first progress update on its timeline (when it was sent, and when it was due), or null. */
  private static TimelineEntry firstProgressUpdate(TicketView view) {
    return view.timeline().stream().filter(t -> t.kind() == TimelineKind.PROGRESS_UPDATE).findFirst().orElse(null);
  }

  private static void send(WorkflowClient client, TicketSettings settings, TicketEvent event) {
    TicketDelivery.signalWithStart(client, "desk", settings, event);
  }

  /** The ticket's view; a query can time out while the timers of thousands of tickets fire, so it is retried. */
  private static TicketView view(WorkflowClient client, String id) throws InterruptedException {
    io.temporal.client.WorkflowServiceException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        return client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", id)).view();
      } catch (io.temporal.client.WorkflowServiceException e) {
        last = e;
        Thread.sleep(1_000);
      }
    }
    throw last;
  }

  private static String pct(List<Double> sorted, double q) {
    return sorted.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", quantile(sorted, q));
  }

  /** The q-quantile of sorted values (nearest rank), NaN when there are none. */
  private static double quantile(List<Double> sorted, double q) {
    return sorted.isEmpty() ? Double.NaN
        : sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}
