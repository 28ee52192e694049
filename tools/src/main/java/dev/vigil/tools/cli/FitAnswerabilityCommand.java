package dev.vigil.tools.cli;

import dev.vigil.activities.assistant.answerability.AnswerabilityFeatures;
import dev.vigil.activities.assistant.answerability.AnswerabilityFit;
import dev.vigil.activities.assistant.answerability.AnswerabilityModel;
import dev.vigil.tools.eval.CandidateFile;
import dev.vigil.tools.eval.OperatingCurve;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil fit-answerability}: fits the answerability model on the candidates evaluation runs recorded and
 * prints its operating curve on each file (fitted and held out).
 */
@Command(name = "fit-answerability", mixinStandardHelpOptions = true,
    description = {"Fit the answerability model (logistic regression) on the candidates.jsonl of evaluation runs.",
        "Reproduce the shipped model: run ./vigil eval on each development file, then pass each run's "
            + "candidates.jsonl with --candidates and write --out "
            + "activities/src/main/resources/dev/vigil/activities/assistant/answerability.json."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:model written", "2:invalid arguments"})
final class FitAnswerabilityCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--candidates", required = true, paramLabel = "FILE",
      description = "an evaluation's candidates.jsonl to fit on (repeatable)")
  List<Path> candidates;

  @Option(names = "--validate", paramLabel = "FILE",
      description = "a candidates.jsonl only to report the curve on, not fitted (repeatable)")
  List<Path> validate = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "where the model goes (JSON)")
  Path out;

  @Option(names = "--tau", defaultValue = "0.6", paramLabel = "COSINE",
      description = "a candidate matches at this cosine to the resolution (default: ${DEFAULT-VALUE})")
  double tau;

  @Option(names = "--l2", defaultValue = "1.0", paramLabel = "LAMBDA",
      description = "ridge penalty on the standardised weights (default: ${DEFAULT-VALUE})")
  double l2;

  @Option(names = "--features", split = ",", paramLabel = "NAME",
      description = "the features the model weighs, comma-separated (default: all; names as in candidates.jsonl)")
  List<String> features = AnswerabilityFeatures.NAMES;

  @Override
  public Integer call() {
    for (Path p : concat(candidates, validate)) {
      if (!Files.isRegularFile(p)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + p);
      }
    }
    if (l2 < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--l2 must not be negative");
    }
    try {
      List<CandidateFile> fitted = new ArrayList<>();
      List<AnswerabilityFit.Example> examples = new ArrayList<>();
      for (Path p : candidates) {
        CandidateFile file = CandidateFile.read(p);
        fitted.add(file);
        examples.addAll(file.examples(tau));
      }
      String provenance = String.format(Locale.ROOT,
          "logistic regression on %s, l2 %.2f, tau %.2f, %d candidates from %s", features.equals(
              AnswerabilityFeatures.NAMES) ? "every feature" : String.join(", ", features), l2, tau, examples.size(),
          candidates.stream().map(p -> p.getParent() == null ? p.toString()
              : p.getParent().getFileName() + "/" + p.getFileName()).toList());
      AnswerabilityModel model = AnswerabilityFit.fit(examples, l2, provenance, features);
      model.write(out);
      PrintWriter printer = spec.commandLine().getOut();
      printer.println("model written to " + out + " (" + provenance + ")");
      for (CandidateFile file : fitted) {
        print(printer, "fitted", file, model);
      }
      for (Path p : validate) {
        print(printer, "held out", CandidateFile.read(p), model);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return 0;
  }

  private void print(PrintWriter printer, String role, CandidateFile file, AnswerabilityModel model) {
    printer.printf("%n%s: %s (%d threads weighed)%n  min confidence  answered  precision  useful%n", role,
        file.path(), file.threads().size());
    for (OperatingCurve.Point p : file.curve(model, OperatingCurve.THRESHOLDS, tau)) {
      printer.printf(Locale.ROOT, "  %.3f            %5.1f%%    %5.1f%%     %5.1f%%%n", p.threshold(),
          100 * p.answeredRate(), 100 * nan(p.precision()), 100 * p.usefulRate());
    }
    printer.flush();
  }

  private static double nan(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
