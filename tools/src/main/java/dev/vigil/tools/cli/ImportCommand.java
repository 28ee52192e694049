package dev.vigil.tools.cli;

import static dev.vigil.tools.cli.CliEnvironment.dataDir;
import static dev.vigil.tools.cli.CliEnvironment.env;
import static dev.vigil.tools.cli.CliEnvironment.vigilUrl;

import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.importing.ImportProblem;
import dev.vigil.activities.knowledge.importing.KnowledgeFile;
import dev.vigil.activities.learning.importing.TicketFile;
import dev.vigil.worker.temporal.EmbeddedTemporalServer;
import dev.vigil.workflows.ticket.TicketIds;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Imports knowledge (FAQ/docs) into the index, or learns from historical resolved tickets through the learning
 * workflow. Both go through a running Vigil when one answers, else straight to the local index.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import knowledge (--knowledge) or learn from historical resolved tickets (--tickets).",
        "Through the running Vigil when one answers at VIGIL_URL (its embedded index is locked by it), else "
            + "directly into the local index (VIGIL_DATA_DIR). Ticket imports are resumable (checkpoint under "
            + "VIGIL_DATA_DIR/import) and idempotent."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failure", "2:usage error", "3:done, but some lines were invalid or not written"})
final class ImportCommand implements Callable<Integer> {
  private static final int BATCH = 500;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--knowledge", paramLabel = "FILE", required = true,
        description = "knowledge entries: .jsonl (one entry a line) or .md (one entry a section)")
    Path knowledge;

    @Option(names = "--tickets", paramLabel = "FILE", required = true,
        description = "resolved tickets in the JSONL interchange format")
    Path tickets;
  }

  @Option(names = "--tenant", paramLabel = "ID", description = "tenant of tickets that name none")
  String tenant;

  @Option(names = "--product", paramLabel = "NAME", description = "product of tickets that name none")
  String product;

  @Option(names = "--source", defaultValue = "import", paramLabel = "NAME",
      description = "source system of the tickets, part of their ids (default: ${DEFAULT-VALUE})")
  String source;

  @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "time zone of timestamps written without an offset, e.g. Europe/Berlin (default: ${DEFAULT-VALUE})")
  ZoneId zone;

  @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
      description = "tickets learned at once, 1-64 (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Override
  public Integer call() {
    return what.knowledge != null ? importKnowledge(what.knowledge) : importTickets(what.tickets);
  }

  private Integer importKnowledge(Path file) {
    requireFile(file);
    PrintWriter out = spec.commandLine().getOut();
    KnowledgeFile.Parsed parsed = KnowledgeFile.read(file);
    String sourceName = file.getFileName().toString();
    try (KnowledgeImporter importer = openImporter()) {
      out.println("importing " + parsed.entries().size() + " entries from " + file + " into "
          + importer.destination());
      ProgressBar progress = new ProgressBar(System.err, "import", parsed.entries().size());
      int imported = 0;
      int unchanged = 0;
      List<String> failures = new ArrayList<>();
      List<KnowledgeEntry> entries = parsed.entries();
      for (int from = 0; from < entries.size(); from += BATCH) {
        List<KnowledgeEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
        BulkResult result = importer.write(batch, sourceName);
        imported += result.written();
        unchanged += result.unchanged();
        failures.addAll(result.failures());
        progress.update(from + batch.size());
      }
      progress.finish();
      out.println("imported: " + imported + ", skipped (unchanged): " + unchanged + ", invalid: "
          + parsed.problems().size() + (failures.isEmpty() ? "" : ", not written: " + failures.size()));
      for (ImportProblem problem : parsed.problems()) {
        out.println("  invalid " + problem);
      }
      for (String failure : failures) {
        out.println("  not written: " + failure);
      }
      return parsed.problems().isEmpty() && failures.isEmpty() ? 0 : VigilCli.PARTIAL;
    }
  }

  private Integer importTickets(Path file) {
    requireFile(file);
    if (!TicketIds.SOURCE.matcher(source).matches()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--source must be lower-case letters, digits and dashes");
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency must be between 1 and 64");
    }
    PrintWriter out = spec.commandLine().getOut();
    TicketFile.Parsed parsed = TicketFile.read(file, tenant, product, zone);
    Path checkpoint = dataDir().resolve("import")
        .resolve(source + "-" + file.getFileName() + "-" + Integer.toHexString(file.toAbsolutePath().hashCode())
            + ".done");
    String devServer = EmbeddedTemporalServer.clientHost(env("VIGIL_TEMPORAL_DEV_BIND",
        EmbeddedTemporalServer.LOOPBACK)) + ":" + env("VIGIL_TEMPORAL_DEV_PORT", "7233");
    try (LearningConnection connection = LearningConnection.open(System.getenv("VIGIL_TEMPORAL_TARGET"),
        env("VIGIL_TEMPORAL_NAMESPACE", "default"), RemoteKnowledgeImporter.reachable(vigilUrl()), devServer)) {
      out.println("learning from " + parsed.items().size() + " tickets in " + file + " through "
          + connection.description() + " (checkpoint " + checkpoint + ")");
      out.flush();
      TicketBackfill.Summary summary = new TicketBackfill(connection.client(), source, checkpoint, concurrency)
          .run(parsed.items(), new ProgressBar(System.err, "learn", parsed.items().size()));
      out.println("learned: " + summary.learned() + " new entries, merged: " + summary.merged()
          + ", unchanged: " + summary.unchanged() + ", already imported (skipped): " + summary.alreadyDone()
          + ", nothing to learn: " + summary.skipped().size() + ", invalid lines: " + parsed.problems().size()
          + ", failed: " + summary.failed().size());
      parsed.problems().forEach(p -> out.println("  invalid " + p));
      summary.skipped().forEach(s -> out.println("  skipped " + s));
      summary.failed().forEach(f -> out.println("  failed " + f + " (re-run to retry)"));
      return parsed.problems().isEmpty() && summary.failed().isEmpty() ? 0 : VigilCli.PARTIAL;
    }
  }

  private void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
    }
  }

  /** The running Vigil when one answers (its embedded index is locked by it), else the index itself. */
  private static KnowledgeImporter openImporter() {
    if (RemoteKnowledgeImporter.reachable(vigilUrl())) {
      return new RemoteKnowledgeImporter(vigilUrl(), "admin", CliEnvironment.adminPassword());
    }
    return new DirectKnowledgeImporter();
  }

}
