package dev.vigil.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.assistant.AssistantSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's surface: generated help with defaults and exit codes, and usage errors that say what is wrong. */
class VigilCliTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = VigilCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void evalHelp_listsEveryOptionWithItsDefault_andTheExitCodes() {
    Run help = run("eval", "--help");

    assertThat(help.exitCode()).isZero();
    // picocli wraps long descriptions: compare with the line breaks folded
    assertThat(help.out().replaceAll("\\s+", " ")).contains("--threads=FILE", "--out=DIR", "--window=N", "(default: 100)",
        "--tau=COSINE", "(default: 0.6)", "--learning=on|off", "--min-confidence", "Exit codes:");
  }

  @Test
  void everyCommandHasGeneratedHelp() {
    for (String[] command : new String[][] {{"--help"}, {"import", "--help"}, {"bench", "--help"},
        {"bench", "tickets", "--help"}, {"bench", "scale", "--help"}, {"bench", "knowledge", "--help"}}) {
      Run help = run(command);
      assertThat(help.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(help.out()).as(String.join(" ", command)).contains("Usage: vigil");
    }
  }

  @Test
  void unknownOptionsAndMissingInputs_areUsageErrors_namingTheProblem() {
    Run unknown = run("eval", "--threads", "x.jsonl", "--out", "o", "--tua", "0.5");
    assertThat(unknown.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(unknown.err()).contains("--tua");

    Run missingFile = run("eval", "--threads", "no-such-file.jsonl", "--out", "target/never");
    assertThat(missingFile.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(missingFile.err()).contains("no such file: no-such-file.jsonl");

    Run both = run("import", "--knowledge", "a.md", "--tickets", "b.jsonl");
    assertThat(both.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(both.err()).contains("mutually exclusive");

    Run badSample = run("bench", "scale", "--tickets", "5", "--sample", "10");
    assertThat(badSample.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badSample.err()).contains("--sample must be between 1 and --tickets");

    Run nothing = run();
    assertThat(nothing.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(nothing.err()).contains("choose a command");
  }

  @Test
  void anUnknownRetrievalModel_isAUsageErrorListingTheKnownOnes() throws Exception {
    Path threads = Files.createTempFile("threads", ".jsonl");
    try {
      Run bad = run("eval", "--threads", threads.toString(), "--out", "target/never", "--retriever", "gpt-embed");
      assertThat(bad.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
      assertThat(bad.err()).contains("--retriever must be one of [minilm, bge-small], not gpt-embed");
    } finally {
      Files.delete(threads);
    }
  }

  @Test
  void theEvaluationAnswersAtTheAssistantsDefaultThreshold() {
    EvalCommand eval = new EvalCommand();
    new CommandLine(eval).parseArgs("--threads", "t.jsonl", "--out", "o");
    assertThat(eval.minConfidence).isEqualTo(AssistantSettings.defaults().minConfidence());
  }
}
