package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Strategy;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily log written by the portfolio runner itself across Thanksgiving week 2024 (Thursday the
 * 28th a holiday, Friday the 29th closing at 13:00), on a replay of five-minute bars round the
 * clock: the replay's clock is its data's, so feeding the week in pieces and restarting the runner
 * after each shows the minute each day's log falls due.
 */
class DailyLogRunnerTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final PortfolioId ID = new PortfolioId("p-week");
  static final String HEADER = "timestamp,open,high,low,close,volume\n";

  @TempDir Path dir;
  Database db;
  PortfolioRecord record;
  PortfolioSettings settings;
  Path feed;

  @BeforeEach
  void portfolio() throws IOException {
    db = TestDatabases.open(Dialect.SQLITE);
    settings =
        new PortfolioSettings(
            "USD",
            NEW_YORK,
            "NYSE",
            new BigDecimal("100000"),
            Caps.NONE,
            new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14),
            Map.of());
    record =
        new PortfolioRecord(
            ID,
            "week",
            "USD",
            "America/New_York",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            ny(25, 0, 0));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    feed = dir.resolve("SPY.csv");
    Files.writeString(feed, HEADER);
  }

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  static Instant ny(int day, int hour, int minute) {
    return ZonedDateTime.of(2024, 11, day, hour, minute, 0, 0, NEW_YORK).toInstant();
  }

  /** Appends five-minute bars from {@code from} up to and including {@code to}. */
  void bars(Instant from, Instant to) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(5))) {
      rows.append(t).append(",100.00,100.50,99.50,100.00,1000\n");
    }
    Files.writeString(feed, rows, StandardOpenOption.APPEND);
  }

  /** Starts a runner (a new run), replays the feed from where the last one stopped, stops it. */
  List<String> runAndListLogs() throws IOException {
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> Strategy.idle("idle"))) {
      runner.writeDailyLogs(
          new DailyLogs(
              db, record, settings, DailyLogs.textFileFor(dir, "week"), Clock.systemUTC()));
      runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));
    }
    return db.jdbi().withHandle(h -> new DailyLogRepository().all(h, ID)).stream()
        .map(DailyLogRepository.Row::day)
        .toList();
  }

  @Test
  void one_log_per_trading_day_at_close_plus_five_minutes_none_on_the_holiday() throws Exception {
    bars(ny(25, 0, 0), ny(27, 16, 0));
    assertThat(runAndListLogs()).containsExactly("2024-11-25", "2024-11-26");

    bars(ny(27, 16, 5), ny(27, 16, 5));
    assertThat(runAndListLogs())
        .as("Wednesday's log falls due at 16:05")
        .containsExactly("2024-11-25", "2024-11-26", "2024-11-27");

    bars(ny(27, 16, 10), ny(29, 13, 0));
    assertThat(runAndListLogs())
        .as("none for Thanksgiving; Friday's early close is not due at 13:00")
        .containsExactly("2024-11-25", "2024-11-26", "2024-11-27");

    bars(ny(29, 13, 5), ny(30, 23, 55));
    List<String> logs = runAndListLogs();
    assertThat(logs)
        .as("Friday's log at 13:05, none for the weekend")
        .containsExactly("2024-11-25", "2024-11-26", "2024-11-27", "2024-11-29");
    String text = Files.readString(DailyLogs.textFileFor(dir, "week"));
    for (String day : logs) {
      assertThat(text.split("=== " + day, -1)).as(day).hasSize(2);
    }
    assertThat(text).contains("=== 2024-11-29  week  market EARLY_CLOSE ===");
    // Bars at 00:00 UTC (19:00 in New York) are intraday moments, filed under their New York day.
    List<DayRepository.Day> days = db.jdbi().withHandle(h -> new DayRepository().days(h, ID));
    assertThat(days)
        .extracting(DayRepository.Day::day)
        .containsExactly(
            "2024-11-25", "2024-11-26", "2024-11-27", "2024-11-28", "2024-11-29", "2024-11-30");
  }

  @Test
  void a_restart_after_two_missed_closes_writes_both_on_its_first_bar() throws Exception {
    bars(ny(25, 9, 30), ny(25, 12, 0));
    assertThat(runAndListLogs()).isEmpty();

    // Down through Monday's and Tuesday's closes; back on Wednesday morning.
    bars(ny(27, 9, 30), ny(27, 9, 30));
    assertThat(runAndListLogs()).containsExactly("2024-11-25", "2024-11-26");
    assertThat(runAndListLogs()).as("a restart writes nothing twice").hasSize(2);
  }
}
