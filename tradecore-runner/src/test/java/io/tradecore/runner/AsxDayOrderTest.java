package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightSettings;
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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DAY order of an ASX portfolio lives until the end of the Sydney session (issue 11, item 5): in
 * March the session, 10:00-16:00 at UTC+11, spans two UTC dates, and an order placed at 10:30 must
 * not expire at 11:30 when the UTC date changes.
 */
class AsxDayOrderTest {
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  static final PortfolioId ID = new PortfolioId("p-asx");

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  @Test
  void a_day_limit_working_from_10_30_sydney_fills_at_14_00_the_same_session() throws Exception {
    db = TestDatabases.open(Dialect.SQLITE);
    PortfolioSettings settings =
        new PortfolioSettings(
            "AUD",
            SYDNEY,
            "ASX",
            new BigDecimal("100000"),
            Caps.NONE,
            OvernightSettings.NONE,
            Map.of());
    PortfolioRecord record =
        new PortfolioRecord(
            ID,
            "asx",
            "AUD",
            SYDNEY.getId(),
            "ASX",
            settings.startingCash(),
            settings.toJson(),
            ZonedDateTime.of(2024, 3, 1, 0, 0, 0, 0, SYDNEY).toInstant());
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    Path feed =
        Files.writeString(
            dir.resolve("BHP.csv"),
            "timestamp,open,high,low,close,volume\n"
                + bar(10, 0, "46.00,46.20,45.80,46.00") // 23:00 UTC on 3 March: decided
                + bar(10, 30, "46.00,46.10,45.70,45.80") // 23:30 UTC: placed, not reached
                + bar(11, 30, "45.60,45.80,45.40,45.50") // 00:30 UTC on 4 March
                + bar(14, 0, "45.20,45.30,44.90,45.00"));

    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> new DayLimitOnFirstBar())) {
      runner.run(ReplayFeed.open("replay:" + feed, "AUD", dir));
      assertThat(runner.portfolio().ledger().position("BHP")).as("BHP held").isNotNull();
      assertThat(runner.portfolio().ledger().position("BHP").quantity()).isEqualByComparingTo("10");
    }
    List<String> fills =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT side || ' ' || quantity || ' @ ' || price FROM fills")
                        .mapTo(String.class)
                        .list());
    assertThat(fills).hasSize(1);
    assertThat(fills.getFirst()).startsWith("BUY 10").contains("@ 45.00");
  }

  private static String bar(int hour, int minute, String ohlc) {
    return ZonedDateTime.of(2024, 3, 4, hour, minute, 0, 0, SYDNEY).toInstant()
        + ","
        + ohlc
        + ",1000000\n";
  }

  /** Buys 10 with a DAY limit at 45.00 after its first bar. */
  static final class DayLimitOnFirstBar implements Strategy {
    @Override
    public String name() {
      return "day-limit";
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
                  new Sizing.Fixed(new Quantity(10, 0)),
                  4_500,
                  0,
                  0,
                  0,
                  TimeInForce.DAY)));
    }
  }
}
