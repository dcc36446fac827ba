package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention never removes history a page or another portfolio needs (issue 11, item 4): daily bars
 * stay, intraday bars past the window become one daily bar per session, and the window counts back
 * from the portfolio that is furthest behind.
 */
class BarRetentionTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  @Test
  void daily_bars_are_kept_whatever_the_window() throws Exception {
    db = TestDatabases.open(Dialect.SQLITE);
    StringBuilder csv = new StringBuilder(MultiDayPortfolioTest.HEADER);
    for (int day = 3; day <= 14; day++) {
      csv.append(String.format("2024-06-%02d,100.00,101.00,99.00,100.00,100.00,1000%n", day));
    }
    replay(portfolio("daily"), Files.writeString(dir.resolve("daily.csv"), csv), 3);

    assertThat(stored()).hasSize(12).allMatch(line -> line.contains("T00:00:00Z"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void intraday_bars_past_the_window_are_rolled_up_into_one_daily_bar_per_session(Dialect dialect)
      throws Exception {
    db = TestDatabases.open(dialect);
    // Monday 4 to Friday 8 March 2024: 13 bars a session; the window keeps Thursday and Friday.
    replay(portfolio("intraday"), sessions("week", 4, 8), 1);

    List<String> bars = stored();
    assertThat(bars.subList(0, 3))
        .containsExactly(
            "2024-03-04T00:00:00Z 10000 10500 9800 10300 13000",
            "2024-03-05T00:00:00Z 10400 10900 10200 10700 13000",
            "2024-03-06T00:00:00Z 10800 11300 10600 11100 13000");
    assertThat(bars).hasSize(3 + 2 * 13);
    assertThat(bars.get(3)).startsWith("2024-03-07T14:30:00Z 11200 ");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_portfolio_further_behind_keeps_its_window_of_intraday_bars(Dialect dialect)
      throws Exception {
    db = TestDatabases.open(dialect);
    // One portfolio has traded Monday to Wednesday; another the whole week; a window of a day.
    replay(portfolio("behind"), sessions("early", 4, 6), 1);
    replay(portfolio("ahead"), sessions("week", 4, 8), 1);

    List<String> bars = stored();
    // Only Monday is older than a day before Wednesday's close, where the one behind stands.
    assertThat(bars.getFirst()).isEqualTo("2024-03-04T00:00:00Z 10000 10500 9800 10300 13000");
    assertThat(bars).hasSize(1 + 4 * 13);
  }

  private PortfolioRecord portfolio(String name) {
    PortfolioSettings settings = PortfolioSettings.DEFAULTS;
    PortfolioRecord record =
        new PortfolioRecord(
            new PortfolioId("p-" + name),
            name,
            "USD",
            settings.timeZone().getId(),
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            Instant.parse("2024-03-01T00:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    return record;
  }

  private void replay(PortfolioRecord record, Path feed, int retentionDays) throws Exception {
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            PortfolioSettings.DEFAULTS,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            MultiDayPortfolioTest.planOnFirstBarThenAgainOnThird())) {
      runner.retainBars(Duration.ofDays(retentionDays));
      runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));
    }
  }

  /**
   * A file of SPY's 30-minute NYSE bars of the March 2024 days {@code first} to {@code last}: bar
   * {@code i} of the session on the 4th + d opens and closes at 100.00 + 4.00 d + 0.25 i, high 2.00
   * above, low 2.00 below, volume 1000.
   */
  private Path sessions(String folder, int first, int last) throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    for (int day = first; day <= last; day++) {
      for (int i = 0; i < 13; i++) {
        long open = 10_000 + 400L * (day - 4) + 25L * i;
        ZonedDateTime t =
            ZonedDateTime.of(2024, 3, day, 9, 30, 0, 0, NEW_YORK).plusMinutes(30L * i);
        csv.append(t.toInstant())
            .append(',')
            .append(cents(open))
            .append(',')
            .append(cents(open + 200))
            .append(',')
            .append(cents(open - 200))
            .append(',')
            .append(cents(open))
            .append(",1000\n");
      }
    }
    Path file = Files.createDirectories(dir.resolve(folder)).resolve("SPY.csv");
    return Files.writeString(file, csv);
  }

  private static String cents(long units) {
    return units / 100 + "." + String.format("%02d", units % 100);
  }

  /** Every stored bar: time, open, high, low, close (price units) and volume. */
  private List<String> stored() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT time_ms, open_price, high_price, low_price, close_price, volume"
                            + " FROM bars ORDER BY time_ms")
                    .map(
                        (rs, ctx) ->
                            Instant.ofEpochMilli(rs.getLong(1))
                                + " "
                                + rs.getLong(2)
                                + " "
                                + rs.getLong(3)
                                + " "
                                + rs.getLong(4)
                                + " "
                                + rs.getLong(5)
                                + " "
                                + new BigDecimal(rs.getString(6))
                                    .stripTrailingZeros()
                                    .toPlainString())
                    .list());
  }
}
