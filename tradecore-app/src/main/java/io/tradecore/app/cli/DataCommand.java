package io.tradecore.app.cli;

import io.tradecore.app.Version;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore data}: the parent of {@code download} (market data files). */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Market data files: download bars from a broker's data API.")
public final class DataCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands; {@code env} holds the data source's keys. */
  public static CommandLine commandLine(Map<String, String> env) {
    return new CommandLine(new DataCommand()).addSubcommand(new DataDownloadCommand(env));
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand; use data download");
  }
}
