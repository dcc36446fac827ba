package io.tradecore.app.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore log}: the parent of {@code daily}, {@code note} and {@code show}. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "The daily performance log of a portfolio. ./tradecore run writes each trading day's log at"
          + " the close + 5 minutes (and catches up missed days on start); these commands write a"
          + " day by hand, add a person's notes, and show recent days."
    })
public final class LogCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Clock clock, Map<String, String> env) {
    return new CommandLine(new LogCommand())
        .addSubcommand(new LogDailyCommand(clock, env))
        .addSubcommand(new LogNoteCommand(clock, env))
        .addSubcommand(new LogShowCommand(clock, env));
  }

  /** {@code value} as a date; a malformed one is a usage error naming it. */
  static LocalDate date(CommandSpec spec, String value) {
    return date(spec, value, "--date");
  }

  /** {@code value} of {@code option} as a date; a malformed one is a usage error naming it. */
  static LocalDate date(CommandSpec spec, String value, String option) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), option + " '" + value + "' is not a date; expected YYYY-MM-DD");
    }
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand; use log daily, log note or log show");
  }
}
