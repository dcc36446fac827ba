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
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A portfolio on the paper exchange never goes below zero cash (issue 11, item 14): four symbols
 * enter at one moment, three with fixed quantities that fit the cash at the close and the last
 * all-in with what is left, and all open 5% higher.
 */
class CashLimitRunnerTest {
  static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD");

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void entries_of_several_symbols_at_one_moment_never_take_cash_below_zero(Dialect dialect)
      throws Exception {
    db = TestDatabases.open(dialect);
    PortfolioSettings settings = PortfolioSettings.DEFAULTS;
    PortfolioRecord record =
        new PortfolioRecord(
            new PortfolioId("p-cash"),
            "cash",
            "USD",
            settings.timeZone().getId(),
            settings.calendar(),
            settings.startingCash(),
            settings.toJson(),
            Instant.parse("2024-06-01T00:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    StringBuilder feed = new StringBuilder("replay:");
    for (String symbol : SYMBOLS) {
      Path file =
          Files.writeString(
              dir.resolve(symbol + ".csv"),
              MultiDayPortfolioTest.HEADER
                  + "2024-06-03,100.00,101.00,99.00,100.00,100.00,1000000\n"
                  + "2024-06-04,105.00,106.00,104.00,105.00,105.00,1000000\n"
                  + "2024-06-05,106.00,107.00,105.00,106.00,106.00,1000000\n");
      feed.append(symbol.equals("AAA") ? "" : ",").append(file);
    }

    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> new EnterOnFirstBar())) {
      runner.run(ReplayFeed.open(feed.toString(), "USD", dir));
      // 320 x 105.00 for AAA and BBB leaves 32,800: CCC gets 312.380952, DDD's 4,000 nothing.
      assertThat(runner.portfolio().ledger().cash()).isEqualByComparingTo("0.00004");
      assertThat(runner.portfolio().ledger().position("CCC").quantity())
          .isEqualByComparingTo("312.380952");
      assertThat(runner.portfolio().ledger().position("DDD")).isNull();
    }
  }

  /** After the first bar DDD goes all-in and the others buy 320 each (32,000 at the close). */
  static final class EnterOnFirstBar implements Strategy {
    @Override
    public String name() {
      return "enter-once";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      if (context.barIndex() != 0) {
        return List.of();
      }
      Sizing sizing =
          context.instrument().symbol().equals("DDD")
              ? Sizing.allIn()
              : new Sizing.Fixed(new Quantity(320, 0));
      return List.of(
          new Action.OpenPlan(new PlanSpec(Side.BUY, sizing, 0, 0, 0, 0, TimeInForce.GTC)));
    }
  }
}
