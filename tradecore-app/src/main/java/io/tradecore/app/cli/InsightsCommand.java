package io.tradecore.app.cli;

import io.tradecore.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore insights}: the parent of {@code sample} (Run Insights tools). */
@Command(
    name = "insights",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Run Insights: experiment runs and their action traces (see serve --runs-dir).")
public final class InsightsCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine() {
    return new CommandLine(new InsightsCommand()).addSubcommand(new InsightsSampleCommand());
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand; use insights sample");
  }
}
