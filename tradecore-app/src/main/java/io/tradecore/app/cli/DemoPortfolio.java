package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.marketdata.SyntheticBars;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.PortfolioStatus;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.runner.dailylog.DailyLogText;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.DayRepository;
import io.tradecore.store.PortfolioRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The durable half of the demo: a {@code demo} portfolio in the demo folder's own data directory,
 * traded by the breakout strategy through the portfolio runner over eight weeks of synthetic daily
 * bars of two symbols, so that positions and plans are held across days, with a daily log written
 * at each trading day's close.
 */
final class DemoPortfolio {
  static final String PORTFOLIO = "demo";
  static final String CONFIG_FILE = "tradecore.yaml";
  static final String STRATEGY = "breakout";
  static final Map<String, String> PARAMS = params();
  private static final LocalDate START = LocalDate.of(2024, 1, 8);
  // The demo portfolio trades on the NYSE calendar, so its bars do too: eight weeks of NYSE
  // trading days, none on Martin Luther King Jr. Day or Washington's Birthday.
  private static final TradingCalendar CALENDAR = TradingCalendars.of("NYSE");
  private static final int TRADING_DAYS =
      CALENDAR.tradingDays(START, START.plusWeeks(8).minusDays(1)).size();
  private static final int LAST_DAYS = 5;
  private static final Map<String, double[]> SYMBOLS =
      Map.of("ACME", new double[] {2, 50.0}, "GLOBEX", new double[] {25, 120.0});
  // SQLite's database file and its companions: the only files the demo removes before a rerun.
  private static final List<String> DB_FILES =
      List.of("tradecore.db", "tradecore.db-wal", "tradecore.db-shm", "tradecore.db-journal");

  private DemoPortfolio() {}

  private static Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("channel", "10");
    p.put("atr", "10");
    p.put("cash-share", "0.3");
    return Map.copyOf(p);
  }

  /**
   * Builds the demo portfolio under {@code out}, trades it, prints its status, its last daily log
   * and next steps.
   *
   * @return the configuration that points at the demo's data directory
   */
  static TradeCoreConfig run(Path out, Clock clock, PrintWriter stdout) throws IOException {
    Path dataDir = out.toAbsolutePath().normalize().resolve("data");
    Files.createDirectories(dataDir);
    for (String name : DB_FILES) {
      Files.deleteIfExists(dataDir.resolve(name));
    }
    // The daily log's text file mirrors the database: a fresh database starts a fresh file.
    Path logFile = DailyLogs.textFileFor(dataDir, PORTFOLIO);
    Files.deleteIfExists(logFile);
    Path configFile = out.resolve(CONFIG_FILE);
    Files.writeString(configFile, yaml(dataDir), StandardCharsets.UTF_8);
    List<Path> feedFiles = writeFeed(out.resolve("feed"));
    TradeCoreConfig config =
        TradeCoreConfig.load(
            configFile.toAbsolutePath(), Map.of(), out.toAbsolutePath().normalize());
    String feed =
        "replay:"
            + feedFiles.stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(","));
    try (Workspace ws = Workspace.open(config, Workspace.Need.CREATE)) {
      ws.db().migrate();
      PortfolioRecord record =
          new Portfolios(ws.db()).create(PORTFOLIO, config.settingsFor(PORTFOLIO), clock);
      ReplayFeed replay = ReplayFeed.open(feed, record.baseCurrency(), Path.of(""));
      RunnerOptions options =
          new RunnerOptions(
              STRATEGY,
              PARAMS,
              Version.current(),
              new ExecutionCosts(
                  new BigDecimal("5"), new BigDecimal("1.00"), new BigDecimal("2"), 2),
              null,
              config.runner().lease(),
              config.runner().heartbeat(),
              0,
              RunCommand.hostName(),
              ProcessHandle.current().pid());
      PortfolioSettings settings = Portfolios.settings(record);
      DailyLogs logs = new DailyLogs(ws.db(), record, settings, logFile, clock);
      int applied;
      try (PortfolioRunner runner =
          PortfolioRunner.open(ws.db(), record, settings, options, clock)) {
        runner.writeDailyLogs(logs);
        applied = runner.run(replay);
      }
      stdout.printf(
          "Demo portfolio: %s traded %s (%s) through the portfolio runner on %d NYSE trading days of"
              + " synthetic daily bars of %s, %d market events with a day rollover each day;"
              + " database %s%n%n",
          PORTFOLIO,
          STRATEGY,
          PARAMS.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ")),
          TRADING_DAYS,
          String.join(" and ", SYMBOLS.keySet().stream().sorted().toList()),
          applied,
          ws.db().redacted());
      stdout.print(StatusView.text(PortfolioStatus.of(ws.db(), record)));
      printLastDays(
          stdout, ws.db().jdbi().withHandle(h -> new DayRepository().days(h, record.id())));
      int logged =
          ws.db().jdbi().withHandle(h -> new DailyLogRepository().days(h, record.id())).size();
      printLastLog(stdout, record, logged, logs.last(1), logFile);
    }
    String cfg = " --config " + configFile;
    stdout.printf("%nLook further (the portfolio lives in %s):%n", dataDir);
    stdout.printf("  ./tradecore status --portfolio %s%s%n", PORTFOLIO, cfg);
    stdout.printf("  ./tradecore portfolio show %s%s%n", PORTFOLIO, cfg);
    stdout.printf("  ./tradecore log show --portfolio %s --last 5%s%n", PORTFOLIO, cfg);
    stdout.printf("  ./tradecore serve%s%n", cfg);
    stdout.printf(
        "  ./tradecore run --portfolio %s --strategy %s %s --feed replay:%s%s%n",
        PORTFOLIO,
        STRATEGY,
        PARAMS.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> "--param " + e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" ")),
        feedFiles.stream().map(Path::toString).collect(Collectors.joining(",")),
        cfg);
    stdout.println(
        "    (a restart: it resumes after the last bar it committed, so it applies nothing new)");
    return config;
  }

  private static void printLastLog(
      PrintWriter stdout,
      PortfolioRecord record,
      int written,
      List<DailyLogRepository.Row> last,
      Path logFile) {
    stdout.printf(
        "%ndaily logs: %d written, one at each %s trading day's close", written, record.calendar());
    if (last.isEmpty()) {
      stdout.printf("; text file %s%n", logFile);
      return;
    }
    stdout.printf("; the last one:%n%n");
    stdout.print(DailyLogText.block(record.name(), record.baseCurrency(), last.get(0)));
    stdout.printf("%nAll days' logs as text: %s%n", logFile);
  }

  private static void printLastDays(PrintWriter stdout, List<DayRepository.Day> days) {
    List<DayRepository.Day> last = days.subList(Math.max(0, days.size() - LAST_DAYS), days.size());
    stdout.printf("days: %d in portfolio_days, the last %d:%n", days.size(), last.size());
    TextTable table =
        new TextTable("DAY", "CLOSE EQUITY", "PNL", "FILLS", "OPEN POSITIONS", "OPEN PLANS");
    for (DayRepository.Day d : last) {
      table.row(
          d.day(),
          TextTable.money(d.closeEquity()),
          TextTable.money(d.pnl()),
          d.fills(),
          d.openPositions(),
          d.openPlans());
    }
    stdout.print(table);
  }

  private static List<Path> writeFeed(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (String symbol : SYMBOLS.keySet().stream().sorted().toList()) {
      double[] seedAndPrice = SYMBOLS.get(symbol);
      Path file = dir.resolve(symbol + ".csv");
      BarCsvWriter.writeYahoo(
          file,
          SyntheticBars.generate(
              Instrument.of(symbol, "USD", 2),
              CALENDAR,
              START,
              TRADING_DAYS,
              (long) seedAndPrice[0],
              seedAndPrice[1]));
      files.add(file);
    }
    return files;
  }

  private static String yaml(Path dataDir) {
    return String.join(
        "\n",
        "# Written by ./tradecore demo: the demo portfolio's own data directory and settings.",
        "data_dir: \"" + dataDir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
        "portfolios:",
        "  " + PORTFOLIO + ":",
        "    base_currency: USD",
        "    time_zone: America/New_York",
        "    calendar: " + CALENDAR.id(),
        "    starting_cash: 100000",
        "    caps:",
        "      max_open_positions: 2",
        "      max_gross_exposure: 80000",
        "    overnight:",
        "      mode: percent",
        "      widen: 1",
        "");
  }
}
