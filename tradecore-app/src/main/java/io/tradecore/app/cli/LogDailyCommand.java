package io.tradecore.app.cli;

import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.runner.dailylog.DailyLogText;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradecore log daily}: writes or refreshes one day's log by hand and prints it. */
@Command(
    name = "daily",
    mixinStandardHelpOptions = true,
    description = {
      "Write (or rewrite in place) a portfolio's daily log for one trading day and print it."
          + " Notes a person wrote for the day are kept."
    })
public final class LogDailyCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The trading day (default: the latest day whose close + 5 minutes has passed).")
  private String date;

  @Option(names = "--notes", paramLabel = "TEXT", description = "Text to add to the day's notes.")
  private String notes;

  public LogDailyCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    LocalDate day = date == null ? null : LogCommand.date(spec, date);
    try (PortfolioLogs p = PortfolioLogs.open(config.file(), env, portfolio, clock)) {
      DailyLogs logs = p.logs();
      Instant now = clock.instant();
      if (day == null) {
        day = latestDue(logs, now, p.record().name());
      } else if (p.get(day).isEmpty()
          && logs.calendar().isTradingDay(day)
          && logs.dueAt(day).isAfter(now)) {
        // A log written before the close would never be replaced: the runner only writes days
        // that have no log yet.
        throw new IllegalArgumentException(
            "the log of "
                + day
                + " is not due until "
                + logs.dueAt(day)
                + " (its close + 5 minutes); ./tradecore run writes it then");
      }
      DailyLogRepository.Row row = logs.write(day, notes);
      PortfolioRecord record = p.record();
      PrintWriter out = spec.commandLine().getOut();
      out.print(DailyLogText.block(record.name(), record.baseCurrency(), row));
      out.printf("(saved; text file %s)%n", p.textFile());
      out.flush();
    }
    return 0;
  }

  /** The latest trading day whose log is due at {@code now}; fails if it predates the portfolio. */
  private static LocalDate latestDue(DailyLogs logs, Instant now, String name) {
    TradingCalendar calendar = logs.calendar();
    LocalDate today = LocalDate.ofInstant(now, calendar.zone());
    LocalDate day = calendar.isTradingDay(today) ? today : calendar.previousTradingDay(today);
    while (logs.dueAt(day).isAfter(now)) {
      day = calendar.previousTradingDay(day);
    }
    LocalDate first = logs.firstDay();
    if (day.isBefore(first)) {
      LocalDate firstTrading =
          calendar.isTradingDay(first) ? first : calendar.nextTradingDay(first);
      throw new IllegalArgumentException(
          "portfolio "
              + name
              + " has no closed trading day yet; the log of its first, "
              + firstTrading
              + ", is due at "
              + logs.dueAt(firstTrading));
    }
    return day;
  }
}
