package io.tradecore.app.cli;

import io.tradecore.app.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore notify}: the parent of {@code test}. */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Check a portfolio's notification destinations.")
public final class NotifyCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Clock clock, Map<String, String> env) {
    return new CommandLine(new NotifyCommand()).addSubcommand(new NotifyTestCommand(clock, env));
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand; use notify test");
  }
}
