package dev.vigil.tools.cli;

import static dev.vigil.tools.cli.CliEnvironment.dataDir;

import dev.vigil.activities.knowledge.MiniLmEmbedder;
import dev.vigil.tools.bench.ScaleBenchmark;
import dev.vigil.tools.bench.TicketBenchmark;
import dev.vigil.tools.bench.knowledge.KnowledgeBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The benchmarks: programs that print figures (and a final machine-readable line), not timed tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks on this machine; each prints its figures. Results: docs/benchmarks.md.",
    subcommands = {BenchCommand.Knowledge.class, BenchCommand.Tickets.class, BenchCommand.Scale.class})
final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a benchmark: knowledge, tickets or scale");
  }

  private static Path workDir(String name) {
    return dataDir().resolve(name + "-" + System.currentTimeMillis());
  }

  private static void positive(CommandSpec spec, String option, double value) {
    if (value <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " must be positive");
    }
  }

  /** The knowledge index: write and query latency of Lucene and a local Elasticsearch, side by side. */
  @Command(name = "knowledge", mixinStandardHelpOptions = true,
      description = "Knowledge-index benchmark: bulk write throughput and query latency (BM25, kNN, hybrid) of "
          + "the embedded Lucene index and of Elasticsearch (a local one is started unless --elasticsearch-url).")
  static final class Knowledge implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--entries", defaultValue = "100000", description = "entries indexed (default: ${DEFAULT-VALUE})")
    int entries;

    @Option(names = "--queries", defaultValue = "1000", description = "queries timed (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--k", defaultValue = "10", description = "hits per query (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--candidates", defaultValue = "100",
        description = "kNN candidates per shard (default: ${DEFAULT-VALUE})")
    int candidates;

    @Option(names = "--throughput-sample", defaultValue = "1000",
        description = "entries whose embedding throughput is measured (default: ${DEFAULT-VALUE})")
    int throughputSample;

    @Option(names = "--elasticsearch-url", paramLabel = "URL",
        description = "an Elasticsearch to measure instead of a local one")
    String elasticsearchUrl;

    @Option(names = "--no-elasticsearch", description = "skip Elasticsearch")
    boolean noElasticsearch;

    @Option(names = "--no-lucene", description = "skip Lucene")
    boolean noLucene;

    @Override
    public Integer call() throws IOException {
      for (int value : new int[] {entries, queries, k, candidates, throughputSample}) {
        positive(spec, "--entries, --queries, --k, --candidates and --throughput-sample", value);
      }
      Path work = dataDir().resolve("bench");
      Files.createDirectories(work);
      KnowledgeBenchmark.Options options = new KnowledgeBenchmark.Options(entries, queries, k, candidates,
          throughputSample, !noLucene, !noElasticsearch, elasticsearchUrl, work);
      try (MiniLmEmbedder model = MiniLmEmbedder.load(dataDir().resolve("models"), 2)) {
        new KnowledgeBenchmark(options, model, System.out).run();
      }
      return 0;
    }
  }

  /** Webhook → suggestion latency against its irreducible parts, and the sustained rate, on the embedded stack. */
  @Command(name = "tickets", mixinStandardHelpOptions = true,
      description = "Ticket benchmark on the embedded stack: webhook -> suggestion latency beside its irreducible "
          + "parts (dev-server round trips, embedding, search), and the highest sustained rate.")
  static final class Tickets implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tickets", defaultValue = "300", description = "tickets per rate step (default: "
        + "${DEFAULT-VALUE})")
    int tickets;

    @Option(names = "--rate", defaultValue = "10", description = "customer messages per second to start the sweep "
        + "at (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--entries", defaultValue = "2000", description = "knowledge entries indexed (default: "
        + "${DEFAULT-VALUE})")
    int entries;

    @Option(names = "--samples", defaultValue = "200", description = "samples of each irreducible part (default: "
        + "${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--sweep", defaultValue = "on", paramLabel = "on|off",
        description = "raise the rate until p99 passes 1 s (default: ${DEFAULT-VALUE})")
    String sweep;

    @Override
    public Integer call() throws Exception {
      positive(spec, "--tickets", tickets);
      positive(spec, "--rate", rate);
      positive(spec, "--entries", entries);
      positive(spec, "--samples", samples);
      if (!sweep.equals("on") && !sweep.equals("off")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--sweep must be on or off");
      }
      CliEnvironment.quietLogs();
      new TicketBenchmark(new TicketBenchmark.Options(tickets, rate, entries, samples, sweep.equals("on"),
          workDir("bench-tickets")), System.out).run();
      return 0;
    }
  }

  /** Many open tickets with dialogues and pending progress timers: heap, timer lateness, nothing missing. */
  @Command(name = "scale", mixinStandardHelpOptions = true,
      description = "Scale benchmark on the embedded stack: many open tickets with dialogues and pending progress "
          + "timers; heap, timer lateness of a sample, and tickets missing an update.")
  static final class Scale implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tickets", defaultValue = "10000", description = "open tickets (default: ${DEFAULT-VALUE})")
    int tickets;

    @Option(names = "--messages", defaultValue = "20", description = "customer messages per ticket (default: "
        + "${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--cadence-seconds", defaultValue = "600",
        description = "progress cadence of the sampled tickets (default: ${DEFAULT-VALUE})")
    int cadenceSeconds;

    @Option(names = "--sample", defaultValue = "200", description = "tickets whose timers are timed (default: "
        + "${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--senders", defaultValue = "16", description = "concurrent webhook senders (default: "
        + "${DEFAULT-VALUE})")
    int senders;

    @Override
    public Integer call() throws Exception {
      positive(spec, "--tickets", tickets);
      positive(spec, "--messages", messages);
      positive(spec, "--cadence-seconds", cadenceSeconds);
      positive(spec, "--senders", senders);
      if (sample < 1 || sample > tickets) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--sample must be between 1 and --tickets");
      }
      CliEnvironment.quietLogs();
      new ScaleBenchmark(new ScaleBenchmark.Options(tickets, messages, Duration.ofSeconds(cadenceSeconds), sample,
          senders, workDir("bench-scale")), System.out).run();
      return 0;
    }
  }
}
