package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.plan.Sizing;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.Dialect;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PlanRepository;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultiDayPortfolioTest {
  static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
  static final PortfolioId ID = new PortfolioId("p-multi");
  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    if (db != null) {
      TestDatabases.dispose(db);
    }
  }

  /** Opens a plan (10 shares, stop 95, target 120) after its first bar, and tries again later. */
  static StrategyFactory planOnFirstBarThenAgainOnThird() {
    PlanSpec spec =
        new PlanSpec(
            Side.BUY, new Sizing.Fixed(new Quantity(10, 0)), 0, 9_500, 12_000, 0, TimeInForce.GTC);
    return instrument ->
        new Strategy() {
          @Override
          public String name() {
            return "scripted";
          }

          @Override
          public void init(StrategySetup setup) {}

          @Override
          public List<Action> onBar(TradingContext context) {
            String day = context.time().toString().substring(0, 10);
            return day.equals("2024-06-03") || day.equals("2024-06-05")
                ? List.of(new Action.OpenPlan(spec))
                : List.of();
          }
        };
  }

  PortfolioRecord createPortfolio(PortfolioSettings settings) {
    PortfolioRecord record =
        new PortfolioRecord(
            ID,
            "multi",
            "USD",
            settings.timeZone().getId(),
            settings.calendar(),
            settings.startingCash(),
            settings.toJson(),
            Instant.parse("2024-06-01T00:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    return record;
  }

  static RunnerOptions options() {
    return new RunnerOptions(
        "scripted",
        Map.of(),
        "v1",
        ExecutionCosts.FREE,
        null,
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        0,
        "test-host",
        1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_position_opened_on_day_one_is_held_and_protected_on_day_two_after_a_restart(
      Dialect dialect) throws Exception {
    db = TestDatabases.open(dialect);
    PortfolioSettings settings =
        new PortfolioSettings(
            "USD",
            ZoneId.of("America/New_York"),
            "NYSE",
            new BigDecimal("100000"),
            new Caps(null, new BigDecimal("1500"), null, null),
            new OvernightSettings(OvernightMode.PERCENT, new BigDecimal("2"), 14),
            Map.of());
    PortfolioRecord record = createPortfolio(settings);
    Path feedFile = dir.resolve("test.csv");
    Files.writeString(
        feedFile,
        HEADER
            + "2024-06-03,99.00,101.00,98.00,100.00,100.00,1000000\n"
            + "2024-06-04,100.00,104.00,99.00,103.00,103.00,1000000\n");

    // Day 1 and 2 with one runner; the plan fills at day 2's open.
    try (PortfolioRunner first =
        PortfolioRunner.open(
            db, record, settings, options(), Clock.systemUTC(), planOnFirstBarThenAgainOnThird())) {
      first.run(ReplayFeed.open("replay:" + feedFile, "USD", dir));
    }
    // A new day of data arrives; a new runner (new run id) picks up where the first stopped.
    Files.writeString(
        feedFile,
        "2024-06-05,103.50,105.00,102.00,104.00,104.00,1000000\n",
        java.nio.file.StandardOpenOption.APPEND);
    try (PortfolioRunner second =
        PortfolioRunner.open(
            db, record, settings, options(), Clock.systemUTC(), planOnFirstBarThenAgainOnThird())) {
      second.run(ReplayFeed.open("replay:" + feedFile, "USD", dir));
    }

    var instruments = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
    List<Plan> plans = db.jdbi().withHandle(h -> new PlanRepository().all(h, ID, instruments));
    Plan held = plans.get(0);
    assertThat(held.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(held.stop()).isEqualTo(9_500);
    assertThat(held.target()).isEqualTo(12_000);
    assertThat(held.filled().toBigDecimal()).isEqualByComparingTo("10");

    // Widened at day 2's close (2% of each level), restored at day 3's open.
    List<String> changes =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT reason || ' ' || stop_price || ' ' || target_price FROM plan_changes"
                                + " WHERE plan_id = 'plan-1' ORDER BY seq")
                        .mapTo(String.class)
                        .list());
    assertThat(changes)
        .containsExactly(
            "opened 9500 12000", "entry filled 9500 12000",
            "overnight widen 9310 12240", "overnight restore 9500 12000");
    List<Instant> when =
        db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT time_ms FROM plan_changes WHERE plan_id = 'plan-1'"
                                + " AND reason LIKE 'overnight%' ORDER BY seq")
                        .mapTo(Long.class)
                        .list())
            .stream()
            .map(Instant::ofEpochMilli)
            .toList();
    // A daily bar carries its date: the widening is recorded with day 2's bar (after it, at the
    // close), the restore with day 3's (before it is applied, at the open).
    assertThat(when)
        .containsExactly(
            Instant.parse("2024-06-04T00:00:00Z"), Instant.parse("2024-06-05T00:00:00Z"));

    // Day 3's second plan is refused: day 1's position (10 x 104 = 1040) counts against the cap.
    List<String> refusals =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT cap || ' ' || would_be FROM risk_refusals")
                        .mapTo(String.class)
                        .list());
    assertThat(refusals).containsExactly("MAX_GROSS_EXPOSURE 2080.00000000");

    List<DayRepository.Day> days = db.jdbi().withHandle(h -> new DayRepository().days(h, ID));
    assertThat(days)
        .extracting(DayRepository.Day::day)
        .containsExactly("2024-06-03", "2024-06-04", "2024-06-05");
    assertThat(days.get(1).closeEquity()).isEqualByComparingTo("100030.00");
    assertThat(days.get(1).pnl()).isEqualByComparingTo("30.00");
    assertThat(days.get(2).openEquity()).isEqualByComparingTo("100030.00");
    assertThat(days.get(2).closeEquity()).isEqualByComparingTo("100040.00");
    assertThat(days.get(2).openPositions()).isEqualTo(1);
    long runs =
        db.jdbi()
            .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM runs").mapTo(Long.class).one());
    assertThat(runs).isEqualTo(2);
  }
}
