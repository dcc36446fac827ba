package io.tradecore.app.cli;

import io.tradecore.app.Version;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore db}: the parent of {@code migrate} and {@code status}. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Apply and inspect the database schema migrations.")
public final class DbCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Map<String, String> env) {
    return new CommandLine(new DbCommand())
        .addSubcommand(new DbMigrateCommand(env))
        .addSubcommand(new DbStatusCommand(env));
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand; use db migrate or status");
  }
}
