package dev.vigil.starter.cli;

import dev.vigil.worker.temporal.EmbeddedTemporalServer;
import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.importing.ImportProblem;
import dev.vigil.activities.knowledge.importing.KnowledgeFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.vigil.activities.knowledge.MiniLmEmbedder;
import dev.vigil.activities.knowledge.bench.KnowledgeBenchmark;
import dev.vigil.activities.learning.importing.TicketFile;
import dev.vigil.starter.bench.ScaleBenchmark;
import dev.vigil.starter.bench.TicketBenchmark;
import dev.vigil.starter.eval.EvalOptions;
import dev.vigil.starter.eval.EvaluationHarness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Vigil's command-line tools, run from the same jar as the application ({@code ./vigil import ...}).
 * Exit codes: 0 done, 2 usage error, 3 done but some input was invalid or not written, 1 failure.
 */
public final class VigilCli {
  /** The first arguments that select a command instead of starting the application. */
  public static final Set<String> COMMANDS = Set.of("import", "bench", "eval");
  private static final int BATCH = 500;

  private final PrintStream out;
  private final PrintStream err;

  VigilCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static boolean isCommand(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]);
  }

  public static void main(String[] args) {
    System.exit(new VigilCli(System.out, System.err).run(args));
  }

  int run(String[] args) {
    try {
      if (args.length >= 3 && args[0].equals("import") && args[1].equals("--tickets")) {
        return importTickets(Arrays.copyOfRange(args, 1, args.length));
      }
      if (args.length == 3 && args[0].equals("import") && args[1].equals("--knowledge")) {
        return importKnowledge(Path.of(args[2]));
      }
      if (args.length >= 1 && args[0].equals("eval")) {
        return evaluate(Arrays.copyOfRange(args, 1, args.length));
      }
      if (args.length >= 2 && args[0].equals("bench") && args[1].equals("scale")) {
        return benchScale(Arrays.copyOfRange(args, 2, args.length));
      }
      if (args.length >= 2 && args[0].equals("bench") && args[1].equals("tickets")) {
        return benchTickets(Arrays.copyOfRange(args, 2, args.length));
      }
      if (args.length >= 2 && args[0].equals("bench") && args[1].equals("knowledge")) {
        return benchKnowledge(Arrays.copyOfRange(args, 2, args.length));
      }
      err.println("usage: vigil import --knowledge FILE   (FILE: .jsonl or .md)");
      err.println("       vigil import --tickets FILE [--tenant ID] [--product NAME] [--source NAME]"
          + " [--concurrency N]   (FILE: resolved tickets, JSONL interchange format)");
      err.println("       vigil eval --threads FILE --out DIR [--window 100] [--learning on|off] [--tau 0.6]"
          + " [--memory-cosine 0.7] [--knowledge FILE] [--limit N] [--min-confidence 0.55]");
      err.println("       vigil bench scale [--tickets 10000] [--messages 20] [--cadence-seconds 600] [--sample 200]"
          + " [--senders 16]");
      err.println("       vigil bench tickets [--tickets 300] [--rate 10] [--entries 2000] [--samples 200]"
          + " [--sweep on|off]");
      err.println("       vigil bench knowledge [--entries N] [--queries N] [--k N] [--candidates N]"
          + " [--throughput-sample N] [--elasticsearch-url URL] [--no-elasticsearch] [--no-lucene]");
      return 2;
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  int importKnowledge(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    KnowledgeFile.Parsed parsed = KnowledgeFile.read(file);
    String source = file.getFileName().toString();
    try (KnowledgeImporter importer = openImporter()) {
      out.println("importing " + parsed.entries().size() + " entries from " + file + " into "
          + importer.destination());
      ProgressBar progress = new ProgressBar(err, "import", parsed.entries().size());
      int imported = 0;
      int unchanged = 0;
      List<String> failures = new ArrayList<>();
      List<KnowledgeEntry> entries = parsed.entries();
      for (int from = 0; from < entries.size(); from += BATCH) {
        List<KnowledgeEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
        BulkResult result = importer.write(batch, source);
        imported += result.written();
        unchanged += result.unchanged();
        failures.addAll(result.failures());
        progress.update(from + batch.size());
      }
      progress.finish();
      printSummary(new KnowledgeImporter.Summary(imported, unchanged, parsed.problems(), failures));
      return parsed.problems().isEmpty() && failures.isEmpty() ? 0 : 3;
    }
  }

  private void printSummary(KnowledgeImporter.Summary summary) {
    out.println("imported: " + summary.imported() + ", skipped (unchanged): " + summary.unchanged()
        + ", invalid: " + summary.invalid().size() + (summary.failures().isEmpty() ? ""
        : ", not written: " + summary.failures().size()));
    for (ImportProblem problem : summary.invalid()) {
      out.println("  invalid " + problem);
    }
    for (String failure : summary.failures()) {
      out.println("  not written: " + failure);
    }
  }

  int benchScale(String[] args) {
    Map<String, String> flags = flags(args, Set.of("tickets", "messages", "cadence-seconds", "sample", "senders"));
    Path work = Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("bench-scale-" + System.currentTimeMillis());
    ScaleBenchmark.Options options = new ScaleBenchmark.Options(intFlag(flags, "tickets", 10_000),
        intFlag(flags, "messages", 20), java.time.Duration.ofSeconds(intFlag(flags, "cadence-seconds", 600)),
        intFlag(flags, "sample", 200), intFlag(flags, "senders", 16), work);
    if (options.tickets() < 1 || options.messages() < 1 || options.sample() < 1
        || options.sample() > options.tickets()) {
      throw new IllegalArgumentException("--tickets and --messages must be positive, --sample at most --tickets");
    }
    quietLogs();
    try {
      new ScaleBenchmark(options, out).run();
    } catch (Exception e) {
      throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
    }
    return 0;
  }

  int benchTickets(String[] args) {
    Map<String, String> flags = flags(args, Set.of("tickets", "rate", "entries", "samples", "sweep"));
    Path work = Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("bench-tickets-" + System.currentTimeMillis());
    TicketBenchmark.Options options = new TicketBenchmark.Options(intFlag(flags, "tickets", 300),
        doubleFlag(flags, "rate", 10), intFlag(flags, "entries", 2_000), intFlag(flags, "samples", 200),
        !"off".equals(flags.getOrDefault("sweep", "on")), work);
    if (options.tickets() < 1 || options.rate() <= 0) {
      throw new IllegalArgumentException("--tickets and --rate must be positive");
    }
    quietLogs();
    try {
      new TicketBenchmark(options, out).run();
    } catch (Exception e) {
      throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
    }
    return 0;
  }

  int benchKnowledge(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--no-elasticsearch") || args[i].equals("--no-lucene")) {
        flags.put(args[i].substring(2), "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        flags.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
    }
    Path work = Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("bench");
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    KnowledgeBenchmark.Options options = new KnowledgeBenchmark.Options(
        intFlag(flags, "entries", 100_000), intFlag(flags, "queries", 1_000), intFlag(flags, "k", 10),
        intFlag(flags, "candidates", 100), intFlag(flags, "throughput-sample", 1_000),
        !flags.containsKey("no-lucene"), !flags.containsKey("no-elasticsearch"), flags.get("elasticsearch-url"),
        work);
    try (MiniLmEmbedder model = MiniLmEmbedder.load(Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("models"), 2)) {
      new KnowledgeBenchmark(options, model, out).run();
    }
    return 0;
  }

  int importTickets(String[] args) {
    Map<String, String> flags = flags(args, Set.of("tickets", "tenant", "product", "source", "concurrency"));
    Path file = Path.of(flags.get("tickets"));
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    String source = flags.getOrDefault("source", "import");
    if (!dev.vigil.workflows.ticket.TicketIds.SOURCE.matcher(source).matches()) {
      throw new IllegalArgumentException("--source must be lower-case letters, digits and dashes");
    }
    int concurrency = intFlag(flags, "concurrency", 4);
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("--concurrency must be between 1 and 64");
    }
    TicketFile.Parsed parsed = TicketFile.read(file, flags.get("tenant"), flags.get("product"));
    Path checkpoint = Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("import")
        .resolve(source + "-" + file.getFileName() + "-" + Integer.toHexString(file.toAbsolutePath().hashCode())
            + ".done");
    String url = env("VIGIL_URL", "http://127.0.0.1:" + env("VIGIL_PORT", "8080"));
    try (LearningConnection connection = LearningConnection.open(System.getenv("VIGIL_TEMPORAL_TARGET"),
        env("VIGIL_TEMPORAL_NAMESPACE", "default"), RemoteKnowledgeImporter.reachable(url),
        EmbeddedTemporalServer.clientHost(env("VIGIL_TEMPORAL_DEV_BIND", EmbeddedTemporalServer.LOOPBACK)) + ":"
            + env("VIGIL_TEMPORAL_DEV_PORT", "7233"))) {
      out.println("learning from " + parsed.items().size() + " tickets in " + file + " through "
          + connection.description() + " (checkpoint " + checkpoint + ")");
      TicketBackfill.Summary summary = new TicketBackfill(connection.client(), source, checkpoint, concurrency)
          .run(parsed.items(), new ProgressBar(err, "learn", parsed.items().size()));
      out.println("learned: " + summary.learned() + " new entries, merged: " + summary.merged()
          + ", unchanged: " + summary.unchanged() + ", already imported (skipped): " + summary.alreadyDone()
          + ", nothing to learn: " + summary.skipped().size() + ", invalid lines: " + parsed.problems().size()
          + ", failed: " + summary.failed().size());
      parsed.problems().forEach(p -> out.println("  invalid " + p));
      summary.skipped().forEach(s -> out.println("  skipped " + s));
      summary.failed().forEach(f -> out.println("  failed " + f + " (re-run to retry)"));
      return parsed.problems().isEmpty() && summary.failed().isEmpty() ? 0 : 3;
    }
  }

  private static Map<String, String> flags(String[] args, Set<String> known) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length && known.contains(args[i].substring(2))) {
        flags.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
    }
    return flags;
  }

  int evaluate(String[] args) {
    Map<String, String> flags = flags(args, Set.of("threads", "out", "window", "learning", "tau", "memory-cosine",
        "knowledge", "limit", "min-confidence"));
    if (!flags.containsKey("threads") || !flags.containsKey("out")) {
      throw new IllegalArgumentException("eval needs --threads FILE and --out DIR");
    }
    Path threads = Path.of(flags.get("threads"));
    if (!Files.isRegularFile(threads)) {
      throw new IllegalArgumentException("no such file: " + threads);
    }
    String learning = flags.getOrDefault("learning", "on");
    if (!learning.equals("on") && !learning.equals("off")) {
      throw new IllegalArgumentException("--learning must be on or off");
    }
    Path knowledge = flags.containsKey("knowledge") ? Path.of(flags.get("knowledge")) : null;
    if (knowledge != null && !Files.isRegularFile(knowledge)) {
      throw new IllegalArgumentException("no such file: " + knowledge);
    }
    quietLogs();
    EvalOptions options = new EvalOptions(threads, Path.of(flags.get("out")), intFlag(flags, "window", 100),
        learning.equals("on"), doubleFlag(flags, "tau", 0.6), doubleFlag(flags, "memory-cosine", 0.7), knowledge,
        intFlag(flags, "limit", 0), doubleFlag(flags, "min-confidence",
            dev.vigil.activities.assistant.AssistantSettings.defaults().minConfidence()));
    try (MiniLmEmbedder model = MiniLmEmbedder.load(Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("models"), 2)) {
      new EvaluationHarness(options, model, out, err).run();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return 0;
  }

  /** The harness reports progress itself; per-workflow logs of thousands of replayed threads would bury it. */
  private static void quietLogs() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.getLogger("io.temporal").setLevel(ch.qos.logback.classic.Level.ERROR);
      logback.getLogger("dev.vigil").setLevel(ch.qos.logback.classic.Level.WARN);
      logback.getLogger("ai.djl").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  private static double doubleFlag(Map<String, String> flags, String name, double fallback) {
    String value = flags.get(name);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number");
    }
  }

  private static int intFlag(Map<String, String> flags, String name, int fallback) {
    String value = flags.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number");
    }
  }

  /** The running Vigil when one answers (its embedded index is locked by it), else the index itself. */
  private static KnowledgeImporter openImporter() {
    String url = env("VIGIL_URL", "http://127.0.0.1:" + env("VIGIL_PORT", "8080"));
    if (RemoteKnowledgeImporter.reachable(url)) {
      return new RemoteKnowledgeImporter(url, "admin", adminPassword());
    }
    return new DirectKnowledgeImporter();
  }

  private static String adminPassword() {
    String password = System.getenv("VIGIL_ADMIN_PASSWORD");
    if (password != null && !password.isBlank()) {
      return password;
    }
    Path generated = Path.of(env("VIGIL_DATA_DIR", "./data")).resolve("generated-secrets.properties");
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(generated)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("Vigil is running; set VIGIL_ADMIN_PASSWORD to import through its API");
    }
    return properties.getProperty("vigil.security.admin-password");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
