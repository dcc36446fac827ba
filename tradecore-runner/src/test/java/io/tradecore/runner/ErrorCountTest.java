package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error of a run is counted on its trading day in the daily log (issue 11, item 3): a
 * portfolio reporting in Sydney trades a week of 30-minute NYSE bars; its strategy throws on six of
 * Tuesday's bars, the commits of a moment on Wednesday and of Thursday's first fail twice for a
 * passing reason before they go through, and then the database fails outside any retry, so the run
 * stops and a new runner carries on with what the first could not write.
 */
class ErrorCountTest {
  static final ZoneId NEW_YORK = SydneyPortfolio.NEW_YORK;
  static final PortfolioId ID = new PortfolioId("p-errors");

  @TempDir Path dir;
  Database db;

  /** Statements whose SQL starts with a key fail, as many more times as its value says. */
  final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  @Test
  void strategy_failures_commit_retries_and_a_failed_database_are_counted_on_their_day()
      throws Exception {
    db = TestDatabases.open(Dialect.SQLITE);
    db.jdbi().addCustomizer(new FailWhenArmed());
    PortfolioSettings settings = SydneyPortfolio.SETTINGS;
    PortfolioRecord record = SydneyPortfolio.create(db, ID, "errors");
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    for (int day = 4; day <= 8; day++) {
      for (int bar = 0; bar < 13; bar++) {
        var t = ZonedDateTime.of(2024, 3, day, 9, 30, 0, 0, NEW_YORK).plusMinutes(30L * bar);
        csv.append(t.toInstant()).append(",100.00,100.50,99.50,100.00,100000\n");
      }
    }
    csv.append(ZonedDateTime.of(2024, 3, 11, 9, 30, 0, 0, NEW_YORK).toInstant())
        .append(",100.00,100.50,99.50,100.00,100000\n");
    Path feed = Files.writeString(dir.resolve("SPY.csv"), csv);
    Scripted strategy = new Scripted();

    List<TelemetryRepository.Event> unwritten;
    try (PortfolioRunner first = open(record, settings, strategy)) {
      assertThatThrownBy(() -> first.run(ReplayFeed.open("replay:" + feed, "USD", dir)))
          .hasStackTraceContaining("database is locked (injected)");
      unwritten = first.unwrittenTelemetry();
    }
    try (PortfolioRunner second = open(record, settings, strategy)) {
      second.recordEarlier(unwritten);
      second.run(ReplayFeed.open("replay:" + feed, "USD", dir));
    }

    Map<String, Long> errors = new LinkedHashMap<>();
    Map<String, String> observations = new LinkedHashMap<>();
    for (DailyLogRepository.Row log :
        db.jdbi().withHandle(h -> new DailyLogRepository().all(h, ID))) {
      errors.put(log.day(), log.errors());
      observations.put(log.day(), log.observationsJson());
    }
    assertThat(errors)
        .containsExactly(
            Map.entry("2024-03-04", 0L),
            Map.entry("2024-03-05", 6L),
            Map.entry("2024-03-06", 2L),
            Map.entry("2024-03-07", 3L),
            Map.entry("2024-03-08", 0L));
    assertThat(observations.get("2024-03-05")).contains("ERROR_BURST");
    assertThat(observations.get("2024-03-06")).doesNotContain("ERROR_BURST");
    List<TelemetryRepository.Event> stored =
        db.jdbi().withHandle(h -> new TelemetryRepository().recent(h, ID, 100));
    assertThat(stored)
        .filteredOn(e -> e.level().equals("ERROR"))
        .extracting(TelemetryRepository.Event::kind)
        .containsOnly("strategy", "commit-retry", "database");
  }

  private PortfolioRunner open(
      PortfolioRecord record, PortfolioSettings settings, Strategy strategy) {
    PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> strategy);
    runner.writeDailyLogs(
        new DailyLogs(
            db, record, settings, DailyLogs.textFileFor(dir, "errors"), Clock.systemUTC()));
    // Each moment on its own, so the armed failures hit the commits of the moments named.
    runner.groupCommit(1, java.time.Duration.ZERO);
    return runner;
  }

  /** Fails the armed statements with SQLite's "database is locked", a failure that passes. */
  final class FailWhenArmed implements StatementCustomizer {
    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx)
        throws SQLTransientException {
      String sql = ctx.getRenderedSql();
      for (var armed : failing.entrySet()) {
        if (sql != null
            && sql.startsWith(armed.getKey())
            && armed.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new SQLTransientException("[SQLITE_BUSY] database is locked (injected)");
        }
      }
    }
  }

  /**
   * Holds; throws on Tuesday from 10:00 to 12:30, arms two failures of the commits of Wednesday's
   * 11:00 moment and of Thursday's first, and one of the daily log written after that (each armed
   * once, not again when a restarted runner warms up on those bars).
   */
  final class Scripted implements Strategy {
    final AtomicBoolean commitArmed = new AtomicBoolean();
    final AtomicBoolean logArmed = new AtomicBoolean();

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      var at = context.time().atZone(NEW_YORK);
      LocalTime time = at.toLocalTime();
      int day = at.getDayOfMonth();
      if (day == 5 && !time.isBefore(LocalTime.of(10, 0)) && !time.isAfter(LocalTime.of(12, 30))) {
        throw new IllegalStateException("no quote for " + time);
      }
      if (day == 6 && time.equals(LocalTime.of(11, 0)) && commitArmed.compareAndSet(false, true)) {
        failing.put("INSERT INTO engine_state", new AtomicInteger(2));
      }
      if (day == 7 && time.equals(LocalTime.of(9, 30)) && logArmed.compareAndSet(false, true)) {
        failing.put("INSERT INTO engine_state", new AtomicInteger(2));
        // The daily log's transaction fails as it reads the closes (its rows go as one JDBC
        // batch, which this hook does not see).
        failing.put("SELECT day, equity, positions FROM equity_snapshots", new AtomicInteger(1));
      }
      return List.of();
    }
  }
}
