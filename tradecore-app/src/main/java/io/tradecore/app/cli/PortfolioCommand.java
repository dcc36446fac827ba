package io.tradecore.app.cli;

import io.tradecore.app.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore portfolio}: the parent of {@code create}, {@code list} and {@code show}. */
@Command(
    name = "portfolio",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Create, list and show portfolios (the database must be initialised).")
public final class PortfolioCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Clock clock, Map<String, String> env) {
    return new CommandLine(new PortfolioCommand())
        .addSubcommand(new PortfolioCreateCommand(clock, env))
        .addSubcommand(new PortfolioListCommand(env))
        .addSubcommand(new PortfolioShowCommand(env));
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand; use portfolio create, list or show");
  }
}
