package dev.vigil.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.assistant.answerability.AnswerabilityFeatures;
import dev.vigil.activities.assistant.answerability.AnswerabilityModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./vigil fit-answerability}: from evaluation runs' candidates to a model file and its curves. */
class FitAnswerabilityCommandTest {
  @TempDir
  Path dir;

  /** 40 threads, one assessment of two candidates each: the closer answer matches in every fourth thread. */
  private Path candidates(String name) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int t = 0; t < 40; t++) {
      double answer = 0.3 + 0.01 * t;
      boolean match = t % 4 == 3;
      lines.add(String.format(Locale.ROOT, "{\"thread\":\"t%d\",\"assessment\":0,\"entry\":\"e%d\",\"confidence\":0.5,"
          + "\"cosine\":%s,\"match\":%s,\"features\":{\"answer_cosine\":%s,\"question_cosine\":0.4}}", t, t,
          match ? "0.7" : "0.3", match, match ? answer + 0.3 : answer));
      lines.add(String.format(Locale.ROOT, "{\"thread\":\"t%d\",\"assessment\":0,\"entry\":\"x%d\",\"confidence\":0.1,"
          + "\"cosine\":0.1,\"match\":false,\"features\":{\"answer_cosine\":0.2,\"question_cosine\":0.2}}", t, t));
    }
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = VigilCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void fitsAModelThatPrefersCloserAnswers_andPrintsTheCurveOfEachFile() throws Exception {
    Path model = dir.resolve("model.json");
    StringWriter out = new StringWriter();
    int code = run(out, new StringWriter(), "fit-answerability", "--candidates", candidates("a.jsonl").toString(),
        "--validate", candidates("b.jsonl").toString(), "--out", model.toString());

    assertThat(code).isZero();
    AnswerabilityModel fitted = AnswerabilityModel.read(model);
    assertThat(fitted.probability(AnswerabilityFeatures.of(Map.of("answer_cosine", 0.9, "question_cosine", 0.4))))
        .isGreaterThan(fitted.probability(AnswerabilityFeatures.of(Map.of("answer_cosine", 0.3,
            "question_cosine", 0.4))));
    assertThat(fitted.provenance()).contains("80 candidates");
    assertThat(out.toString()).contains("fitted: ", "held out: ", "(40 threads weighed)", "min confidence");
  }

  @Test
  void fitsOnlyTheChosenFeatures_andAnUnknownOneIsAUsageError() throws Exception {
    Path model = dir.resolve("model.json");
    int code = run(new StringWriter(), new StringWriter(), "fit-answerability", "--candidates",
        candidates("a.jsonl").toString(), "--features", "answer_cosine", "--out", model.toString());

    assertThat(code).isZero();
    AnswerabilityModel fitted = AnswerabilityModel.read(model);
    assertThat(fitted.weights()[AnswerabilityFeatures.NAMES.indexOf("question_cosine")]).isZero();
    assertThat(fitted.weights()[AnswerabilityFeatures.NAMES.indexOf("answer_cosine")]).isPositive();
    assertThat(fitted.provenance()).contains("logistic regression on answer_cosine,");

    StringWriter err = new StringWriter();
    Path other = dir.resolve("other.json");
    assertThat(run(new StringWriter(), err, "fit-answerability", "--candidates", candidates("b.jsonl").toString(),
        "--features", "answer_cosine,shoe_size", "--out", other.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("unknown feature shoe_size");
    assertThat(other).doesNotExist();
  }

  @Test
  void aFileThatIsNotACandidatesFile_isAUsageErrorNamingTheLine() throws Exception {
    Path bad = dir.resolve("threads.jsonl");
    Files.writeString(bad, "{\"id\":\"t1\",\"answer\":null}\n");
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "fit-answerability", "--candidates", bad.toString(), "--out",
        dir.resolve("m.json").toString());
    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("line 1", "candidates.jsonl");
    assertThat(dir.resolve("m.json")).doesNotExist();
  }
}
