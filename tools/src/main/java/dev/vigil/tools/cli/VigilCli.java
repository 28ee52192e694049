package dev.vigil.tools.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Vigil's command line ({@code ./vigil import|sync|eval|fit-answerability|bench ...}): one picocli command per task. */
@Command(name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VigilCli.Version.class,
    description = "Vigil's command-line tools: import knowledge and historical tickets, resync open tickets from a "
        + "ticketing system, evaluate answer quality on real threads, run the benchmarks.",
    subcommands = {ImportCommand.class, SyncCommand.class, EvalCommand.class, FitAnswerabilityCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:failure (the message says why)",
      "2:usage error (unknown or invalid option)",
      "3:done, but some input was invalid or not written (listed in the output)"})
public final class VigilCli implements Runnable {
  /** Done, but some input was invalid or not written. */
  public static final int PARTIAL = 3;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: import, sync, eval or bench");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Vigil's error handling: an expected failure prints its message, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new VigilCli());
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
          || e instanceof UncheckedIOException) {
        PrintWriter err = commandLine.getErr();
        err.println("error: " + e.getMessage());
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
      }
      throw e;
    });
    return cli;
  }

  /** The version of the jar the tools run from. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = VigilCli.class.getPackage().getImplementationVersion();
      return new String[] {"vigil " + (version == null ? "(development build)" : version)};
    }
  }
}
