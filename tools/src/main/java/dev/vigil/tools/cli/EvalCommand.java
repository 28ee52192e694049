package dev.vigil.tools.cli;

import static dev.vigil.tools.cli.CliEnvironment.dataDir;

import dev.vigil.activities.knowledge.MiniLmEmbedder;
import dev.vigil.tools.eval.BgeSmallEmbedder;
import dev.vigil.tools.eval.EvalOptions;
import dev.vigil.tools.eval.EvaluationHarness;
import dev.vigil.tools.eval.RetrieverModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The evaluation harness: replays real resolved threads through the real workflows and scores Vigil's answers. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Replay resolved threads (JSONL interchange format) in time order through the real ticket and "
        + "learning workflows on a throwaway index, and score each answer Vigil offered against the human "
        + "resolution.", "Writes report.md, results.jsonl and learning-curve.png into --out."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failure", "2:usage error"})
final class EvalCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--threads", required = true, paramLabel = "FILE", description = "threads to replay (JSONL)")
  Path threads;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the report goes")
  Path out;

  @Option(names = "--window", defaultValue = "100", paramLabel = "N",
      description = "threads per window of the learning curve (default: ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--learning", defaultValue = "on", paramLabel = "on|off",
      description = "learn from each closed thread; off measures the starting knowledge alone "
          + "(default: ${DEFAULT-VALUE})")
  String learning;

  @Option(names = "--tau", defaultValue = "0.6", paramLabel = "COSINE",
      description = "an answer matches the real resolution at this cosine or above (default: ${DEFAULT-VALUE})")
  double tau;

  @Option(names = "--memory-cosine", defaultValue = "0.7", paramLabel = "COSINE",
      description = "the nearest-question memory baseline answers at this question cosine (default: "
          + "${DEFAULT-VALUE})")
  double memoryCosine;

  @Option(names = "--knowledge", paramLabel = "FILE", description = "knowledge to start from (default: none)")
  Path knowledge;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
      description = "evaluate at most N threads, 0 for all (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--min-confidence", defaultValue = "0.11", paramLabel = "P",
      description = "the assistant's answering threshold (answerability confidence), as "
          + "VIGIL_ASSISTANT_MIN_CONFIDENCE (default: ${DEFAULT-VALUE})")
  double minConfidence;

  @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "time zone of timestamps written without an offset (default: ${DEFAULT-VALUE})")
  ZoneId zone;

  @Option(names = "--retriever", defaultValue = "minilm", paramLabel = "MODEL",
      description = "the knowledge index's embedding model: minilm (production's) or bge-small "
          + "(BGE-small-en-v1.5, quantised); answers are judged and scored with MiniLM either way "
          + "(default: ${DEFAULT-VALUE})")
  String retriever;

  @Option(names = "--answerability", paramLabel = "FILE",
      description = "an answerability model to evaluate instead of the shipped one (./vigil fit-answerability)")
  Path answerability;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(threads)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + threads);
    }
    if (!learning.equals("on") && !learning.equals("off")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--learning must be on or off");
    }
    if (knowledge != null && !Files.isRegularFile(knowledge)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + knowledge);
    }
    if (answerability != null && !Files.isRegularFile(answerability)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + answerability);
    }
    EvalOptions options;
    RetrieverModel retrieverModel;
    try {
      retrieverModel = RetrieverModel.of(retriever);
      options = new EvalOptions(threads, out, window, learning.equals("on"), tau, memoryCosine, knowledge, limit,
          minConfidence, answerability, zone);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    CliEnvironment.quietLogs();
    // a null resource is not closed: BGE is loaded only when it retrieves
    try (MiniLmEmbedder model = MiniLmEmbedder.load(dataDir().resolve("models"), 2);
        BgeSmallEmbedder bge = retrieverModel == RetrieverModel.BGE_SMALL ? new BgeSmallEmbedder(2) : null) {
      new EvaluationHarness(options, model, bge == null ? model : bge, System.out, System.err).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}
