package io.tradecore.app.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore strategy}: the parent of {@code list} and {@code new}. */
@Command(
    name = "strategy",
    mixinStandardHelpOptions = true,
    description = "Strategies: the built-ins and plug-ins with their parameters, a new project.")
public final class StrategyCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Map<String, String> env) {
    return new CommandLine(new StrategyCommand())
        .addSubcommand(new StrategyListCommand(env))
        .addSubcommand(new StrategyNewCommand(env));
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand; use strategy list or strategy new NAME");
  }
}
