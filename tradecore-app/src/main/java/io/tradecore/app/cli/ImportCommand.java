package io.tradecore.app.cli;

import io.tradecore.app.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore import}: the parent of {@code fills}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Bring history into a portfolio.")
public final class ImportCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Clock clock, Map<String, String> env) {
    return new CommandLine(new ImportCommand()).addSubcommand(new ImportFillsCommand(clock, env));
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand; use import fills");
  }
}
