package io.tradecore.app.cli;

import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.calendar.TradingCalendars;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore calendar}: the parent of {@code show} and {@code status}. */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description =
        "Trading calendars ("
            + "NYSE, ASX, CRYPTO_24_7): a year's holidays and early closes, a market's status.")
public final class CalendarCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** The command with its subcommands. */
  public static CommandLine commandLine(Clock clock) {
    return new CommandLine(new CalendarCommand())
        .addSubcommand(new CalendarShowCommand())
        .addSubcommand(new CalendarStatusCommand(clock));
  }

  /** The standard calendar {@code id}; an unknown id is a usage error naming the known ones. */
  static TradingCalendar calendar(CommandSpec spec, String id) {
    try {
      return TradingCalendars.of(id);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The zone's id, with UTC spelled out rather than as {@code Z}. */
  static String zoneName(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand; use calendar show or calendar status");
  }
}
