package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daily log is about one market session, whatever the reporting zone (issue 11, item 2): a
 * portfolio reporting in Sydney trades a week of 30-minute NYSE bars (each New York session ends on
 * the next Sydney date), and every day's account value and daily PnL must be the session's own,
 * computed here from the prices.
 */
class SessionDailyLogTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final PortfolioId ID = new PortfolioId("p-sydney");
  static final long UNITS = 100;

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  @Test
  void every_logged_figure_is_the_new_york_sessions_own() throws Exception {
    db = TestDatabases.open(Dialect.SQLITE);
    PortfolioSettings settings = SydneyPortfolio.SETTINGS;
    PortfolioRecord record = SydneyPortfolio.create(db, ID, "sydney");

    // 13 bars per session, 09:30 to 15:30 New York, the price up 0.25 a bar.
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    Map<LocalDate, BigDecimal> sessionClose = new LinkedHashMap<>();
    BigDecimal entry = null;
    int i = 0;
    for (int day = 4; day <= 8; day++) {
      for (int bar = 0; bar < 13; bar++, i++) {
        BigDecimal price =
            new BigDecimal("100.00").add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(i)));
        var t = ZonedDateTime.of(2024, 3, day, 9, 30, 0, 0, NEW_YORK).plusMinutes(30L * bar);
        csv.append(t.toInstant())
            .append(',')
            .append(price)
            .append(',')
            .append(price.add(BigDecimal.ONE))
            .append(',')
            .append(price.subtract(BigDecimal.ONE))
            .append(',')
            .append(price)
            .append(",100000\n");
        if (i == 1) {
          entry = price; // bought at the second bar's open
        }
        sessionClose.put(LocalDate.of(2024, 3, day), price);
      }
    }
    // Monday's opening bar moves the clock past Friday's close, at a price of its own.
    csv.append(ZonedDateTime.of(2024, 3, 11, 9, 30, 0, 0, NEW_YORK).toInstant())
        .append(",150.00,151.00,149.00,150.00,100000\n");
    Path feed = Files.writeString(dir.resolve("SPY.csv"), csv);

    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            i2 -> new BuyOnce())) {
      runner.writeDailyLogs(
          new DailyLogs(
              db, record, settings, DailyLogs.textFileFor(dir, "sydney"), Clock.systemUTC()));
      runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));
    }

    List<DailyLogRepository.Row> logs =
        db.jdbi().withHandle(h -> new DailyLogRepository().all(h, ID));
    assertThat(logs)
        .extracting(DailyLogRepository.Row::day)
        .containsExactly("2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08");
    BigDecimal previous = settings.startingCash();
    for (DailyLogRepository.Row log : logs) {
      BigDecimal close = sessionClose.get(LocalDate.parse(log.day()));
      BigDecimal expected =
          settings.startingCash().add(close.subtract(entry).multiply(BigDecimal.valueOf(UNITS)));
      assertThat(log.accountValue())
          .as("account value of %s", log.day())
          .isEqualByComparingTo(expected);
      assertThat(log.dailyPnl())
          .as("daily PnL of %s", log.day())
          .isEqualByComparingTo(expected.subtract(previous));
      previous = expected;
    }
  }

  /** Buys 100 units at the market on its first bar and holds them. */
  static final class BuyOnce implements Strategy {
    @Override
    public String name() {
      return "buy-once";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      if (context.barIndex() != 0) {
        return List.of();
      }
      return List.of(
          new Action.OpenPlan(
              new PlanSpec(
                  Side.BUY,
                  new Sizing.Fixed(context.instrument().quantity(UNITS * 1_000_000)),
                  0,
                  0,
                  0,
                  0,
                  TimeInForce.GTC)));
    }
  }
}
