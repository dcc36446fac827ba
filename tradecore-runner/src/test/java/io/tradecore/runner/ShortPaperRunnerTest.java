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
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plan that sells first on the paper exchange, across a restart: half the cash is held as the
 * short's margin, the day's snapshot shows a negative quantity, and the stop above the entry buys
 * it back; the exchange's cash and the ledger's agree throughout, and the daily logs show the
 * short's PnL.
 */
class ShortPaperRunnerTest {
  static final PortfolioId ID = new PortfolioId("p-short");

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_short_plan_is_sold_held_over_a_restart_and_bought_back_at_its_stop(Dialect dialect)
      throws Exception {
    db = TestDatabases.open(dialect);
    PortfolioSettings settings = PortfolioSettings.DEFAULTS;
    PortfolioRecord record =
        new PortfolioRecord(
            ID,
            "short",
            "USD",
            settings.timeZone().getId(),
            settings.calendar(),
            settings.startingCash(),
            settings.toJson(),
            Instant.parse("2024-06-01T00:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    Path feed = dir.resolve("ACME.csv");
    Files.writeString(
        feed,
        MultiDayPortfolioTest.HEADER
            + "2024-06-03,99.00,101.00,98.00,100.00,100.00,1000000\n"
            + "2024-06-04,100.00,102.00,99.00,101.00,101.00,1000000\n");

    try (PortfolioRunner first = open(record, settings)) {
      first.run(ReplayFeed.open("replay:" + feed, "USD", dir));
      // Half of 100,000 as margin: 500 sold at day 2's open of 100.00.
      assertThat(first.portfolio().ledger().position("ACME").quantity())
          .isEqualByComparingTo("-500");
      assertThat(first.portfolio().ledger().cash()).isEqualByComparingTo("150000.00");
    }
    assertThat(paperCash()).isEqualByComparingTo("150000.00");
    assertThat(snapshotPositions())
        .last()
        .asString()
        .contains("\"symbol\":\"ACME\",\"quantity\":\"-500")
        .contains("\"unrealized_pnl\":\"-500.00");

    // Day 3 trades up through the stop at 104.00: bought back there by a new runner.
    Files.writeString(
        feed, "2024-06-05,103.00,105.00,102.00,104.50,104.50,1000000\n", StandardOpenOption.APPEND);
    try (PortfolioRunner second = open(record, settings)) {
      second.run(ReplayFeed.open("replay:" + feed, "USD", dir));
      assertThat(second.portfolio().ledger().positions()).isEmpty();
      assertThat(second.portfolio().ledger().realizedPnl()).isEqualByComparingTo("-2000.00");
      assertThat(second.portfolio().ledger().cash()).isEqualByComparingTo("98000.00");
    }
    assertThat(paperCash()).isEqualByComparingTo("98000.00");

    // Day 2 closed at 101: equity 150,000 - 500 x 101; day 3 realized the loss at the stop.
    List<DayRepository.Day> days = db.jdbi().withHandle(h -> new DayRepository().days(h, ID));
    assertThat(days)
        .extracting(DayRepository.Day::day)
        .containsExactly("2024-06-03", "2024-06-04", "2024-06-05");
    assertThat(days.get(1).closeEquity()).isEqualByComparingTo("99500.00");
    assertThat(days.get(1).pnl()).isEqualByComparingTo("-500.00");
    assertThat(days.get(1).openPositions()).isEqualTo(1);
    assertThat(days.get(2).closeEquity()).isEqualByComparingTo("98000.00");
    assertThat(days.get(2).pnl()).isEqualByComparingTo("-1500.00");
    assertThat(days.get(2).realizedPnl()).isEqualByComparingTo("-2000.00");
    // The daily logs show the same account value and PnL, in the table and in the text file.
    Map<String, String[]> logs = new HashMap<>();
    db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT day || ' ' || account_value || ' ' || daily_pnl FROM daily_logs"
                            + " WHERE portfolio_id = :p")
                    .bind("p", ID.value())
                    .mapTo(String.class)
                    .list())
        .forEach(row -> logs.put(row.split(" ")[0], row.split(" ")));
    assertThat(new BigDecimal(logs.get("2024-06-04")[1])).isEqualByComparingTo("99500");
    assertThat(new BigDecimal(logs.get("2024-06-04")[2])).isEqualByComparingTo("-500");
    assertThat(new BigDecimal(logs.get("2024-06-05")[1])).isEqualByComparingTo("98000");
    assertThat(new BigDecimal(logs.get("2024-06-05")[2])).isEqualByComparingTo("-1500");
    assertThat(Files.readString(DailyLogs.textFileFor(dir, "short")))
        .contains("Account value   99,500.00 USD\nDaily PnL       -500.00 USD")
        .contains("Account value   98,000.00 USD\nDaily PnL       -1,500.00 USD");
  }

  private PortfolioRunner open(PortfolioRecord record, PortfolioSettings settings) {
    PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> new ShortOnFirstBar());
    runner.writeDailyLogs(
        new DailyLogs(
            db, record, settings, DailyLogs.textFileFor(dir, "short"), Clock.systemUTC()));
    return runner;
  }

  private BigDecimal paperCash() {
    return db.jdbi()
        .withHandle(
            h ->
                new BigDecimal(
                    h.createQuery("SELECT cash FROM paper_accounts WHERE account_id = :a")
                        .bind("a", ID.value())
                        .mapTo(String.class)
                        .one()));
  }

  private List<String> snapshotPositions() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT positions FROM equity_snapshots WHERE portfolio_id = :p ORDER BY"
                            + " day")
                    .bind("p", ID.value())
                    .mapTo(String.class)
                    .list());
  }

  /** After the first bar: a short of half the cash, stop 104.00 and target 90.00. */
  static final class ShortOnFirstBar implements Strategy {
    @Override
    public String name() {
      return "short-once";
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
                  Side.SELL,
                  new Sizing.CashShare(new BigDecimal("0.5")),
                  0,
                  10_400,
                  9_000,
                  0,
                  TimeInForce.GTC)));
    }
  }
}
