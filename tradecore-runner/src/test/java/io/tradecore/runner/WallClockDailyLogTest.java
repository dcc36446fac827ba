package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.feed.Moment;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.dailylog.TestClock;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily log on the wall clock: a runner trading a live feed writes each NYSE day's log at 16:05
 * New York (13:05 on an early close) by its clock, whether or not a bar comes then, none on a
 * holiday or a weekend; a runner started after days it missed writes them at once. The clock is a
 * test's, moved by a scripted live feed, so nothing waits for the real time.
 */
class WallClockDailyLogTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final PortfolioId ID = new PortfolioId("p-wall");
  static final Instrument SPY = Instrument.of("SPY", "USD", 2);

  @TempDir Path dir;
  Database db;
  PortfolioRecord record;
  PortfolioSettings settings;
  TestClock clock;

  /** What the daily logs were after the turns before each look, by the look's label. */
  final Map<String, List<String>> seen = new LinkedHashMap<>();

  @BeforeEach
  void portfolio() {
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
            "wall",
            "USD",
            "America/New_York",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            ny(11, 25, 8, 0));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    clock = new TestClock(ny(11, 25, 9, 0));
  }

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  static Instant ny(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2024, month, day, hour, minute, 0, 0, NEW_YORK).toInstant();
  }

  static Moment bar(Instant at) {
    return Moment.of(new Bar(SPY, at, 10000, 10050, 9950, 10000, 1000));
  }

  List<DailyLogRepository.Row> logs() {
    return db.jdbi().withHandle(h -> new DailyLogRepository().all(h, ID));
  }

  List<String> days() {
    return logs().stream().map(DailyLogRepository.Row::day).toList();
  }

  void look(ScriptedLiveFeed feed, String label) {
    feed.look(() -> seen.put(label, days()));
  }

  /** A runner on the test clock trades the feed to its end. */
  void run(ScriptedLiveFeed feed) {
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            clock,
            instrument -> Strategy.idle("idle"))) {
      runner.writeDailyLogs(
          new DailyLogs(db, record, settings, DailyLogs.textFileFor(dir, "wall"), clock));
      feed.finish();
      runner.run(feed);
    }
  }

  @Test
  void each_day_is_logged_at_its_close_plus_five_minutes_by_the_clock() {
    ScriptedLiveFeed feed = new ScriptedLiveFeed(clock::set);
    // Thanksgiving week 2024: Thursday the 28th a holiday, Friday the 29th closes at 13:00.
    feed.push(ny(11, 25, 9, 31), bar(ny(11, 25, 9, 30)));
    feed.push(ny(11, 25, 15, 59), bar(ny(11, 25, 15, 58)));
    feed.push(ny(11, 25, 16, 4), null);
    look(feed, "Mon 16:04");
    feed.push(ny(11, 25, 16, 5), null);
    look(feed, "Mon 16:05");
    feed.push(ny(11, 26, 10, 1), bar(ny(11, 26, 10, 0)));
    feed.push(ny(11, 26, 16, 5), null);
    look(feed, "Tue 16:05");
    feed.push(ny(11, 27, 16, 5), null);
    look(feed, "Wed 16:05, no bar that day");
    feed.push(ny(11, 28, 16, 5), null);
    look(feed, "Thanksgiving 16:05");
    feed.push(ny(11, 29, 12, 59), bar(ny(11, 29, 12, 58)));
    feed.push(ny(11, 29, 13, 4), null);
    look(feed, "Fri 13:04");
    feed.push(ny(11, 29, 13, 5), null);
    look(feed, "Fri 13:05");
    feed.push(ny(11, 30, 16, 5), null);
    feed.push(ny(12, 1, 16, 5), null);
    look(feed, "Sun 16:05");

    run(feed);

    String mon = "2024-11-25";
    String tue = "2024-11-26";
    String wed = "2024-11-27";
    String fri = "2024-11-29";
    assertThat(seen.get("Mon 16:04")).isEmpty();
    assertThat(seen.get("Mon 16:05")).containsExactly(mon);
    assertThat(seen.get("Tue 16:05")).containsExactly(mon, tue);
    assertThat(seen.get("Wed 16:05, no bar that day")).containsExactly(mon, tue, wed);
    assertThat(seen.get("Thanksgiving 16:05"))
        .as("none on the holiday")
        .containsExactly(mon, tue, wed);
    assertThat(seen.get("Fri 13:04")).containsExactly(mon, tue, wed);
    assertThat(seen.get("Fri 13:05")).as("the early close").containsExactly(mon, tue, wed, fri);
    assertThat(seen.get("Sun 16:05")).as("none at the weekend").containsExactly(mon, tue, wed, fri);
    Map<String, Instant> generated = new LinkedHashMap<>();
    logs().forEach(r -> generated.put(r.day(), r.generatedAt()));
    assertThat(generated)
        .containsEntry(mon, ny(11, 25, 16, 5))
        .containsEntry(wed, ny(11, 27, 16, 5))
        .containsEntry(fri, ny(11, 29, 13, 5));
  }

  @Test
  void days_missed_while_stopped_are_logged_when_the_runner_starts() {
    ScriptedLiveFeed monday = new ScriptedLiveFeed(clock::set);
    monday.push(ny(11, 25, 10, 1), bar(ny(11, 25, 10, 0)));
    monday.push(ny(11, 25, 12, 0), null);
    run(monday);
    assertThat(days()).isEmpty();

    // Stopped through Monday's, Tuesday's and Wednesday's closes; started on Friday morning.
    clock.set(ny(11, 29, 9, 0));
    ScriptedLiveFeed friday = new ScriptedLiveFeed(clock::set);
    look(friday, "on start");
    friday.push(ny(11, 29, 9, 31), bar(ny(11, 29, 9, 30)));
    run(friday);
    assertThat(seen.get("on start"))
        .as("written before the first bar, none for Thanksgiving")
        .containsExactly("2024-11-25", "2024-11-26", "2024-11-27");
    assertThat(logs())
        .extracting(DailyLogRepository.Row::generatedAt)
        .containsOnly(ny(11, 29, 9, 0));

    ScriptedLiveFeed again = new ScriptedLiveFeed(clock::set);
    again.push(ny(11, 29, 9, 41), bar(ny(11, 29, 9, 40)));
    run(again);
    assertThat(days()).as("a restart writes nothing twice").hasSize(3);
  }
}
