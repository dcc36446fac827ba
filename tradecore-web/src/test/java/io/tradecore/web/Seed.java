package io.tradecore.web;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.domain.TradeId;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Two portfolios with multi-day history, made by real runners over generated feeds: "alpha" (NYSE,
 * New York, daily bars, two runs with bot_versions v1 and v2: a plan closed at its target, one
 * active, one pending) and "beta" (24/7, Sydney, bars every three hours: a plan closed at its
 * target and one active). Daily logs are written as the runners pass each day's close.
 */
final class Seed {
  static final Instant CREATED = Instant.parse("2024-06-01T00:00:00Z");
  static final String YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume\n";

  private Seed() {}

  /** The two portfolios, seeded into {@code db}; CSV files and daily log text go under dir. */
  static void both(Database db, Path dir) throws IOException {
    alpha(db, dir);
    beta(db, dir);
  }

  static PortfolioRecord alpha(Database db, Path dir) throws IOException {
    PortfolioSettings settings =
        new PortfolioSettings(
            "USD",
            ZoneId.of("America/New_York"),
            "NYSE",
            new BigDecimal("100000"),
            Caps.NONE,
            OvernightSettings.NONE,
            Map.of());
    PortfolioRecord record =
        new Portfolios(db).create("alpha", settings, Clock.fixed(CREATED, ZoneOffset.UTC));
    Path feed = dir.resolve("acme.csv");
    Files.writeString(
        feed,
        YAHOO
            + "2024-06-03,99.00,101.00,98.00,100.00,100.00,1000000\n"
            + "2024-06-04,100.00,104.00,99.00,103.00,103.00,1000000\n"
            + "2024-06-05,103.50,107.00,102.00,106.00,106.00,1000000\n");
    StrategyFactory script =
        scripted(
            Map.of(
                "2024-06-03", plan(Side.BUY, 10, 0, 9_500, 10_600),
                "2024-06-06", plan(Side.BUY, 5, 0, 10_000, 13_000),
                "2024-06-10", plan(Side.BUY, 5, 9_000, 8_500, 12_000)));
    run(db, record, settings, feed, dir, "v1", script);
    Files.writeString(
        feed,
        "2024-06-06,106.00,108.00,105.00,107.00,107.00,1000000\n"
            + "2024-06-07,107.00,109.00,106.00,108.00,108.00,1000000\n"
            + "2024-06-10,108.00,110.00,107.00,109.00,109.00,1000000\n"
            + "2024-06-11,109.00,111.00,108.00,110.00,110.00,1000000\n"
            + "2024-06-12,110.00,112.00,109.00,111.00,111.00,1000000\n",
        StandardOpenOption.APPEND);
    run(db, record, settings, feed, dir, "v2", script);
    return record;
  }

  static PortfolioRecord beta(Database db, Path dir) throws IOException {
    PortfolioSettings settings =
        new PortfolioSettings(
            "USD",
            ZoneId.of("Australia/Sydney"),
            "CRYPTO_24_7",
            new BigDecimal("50000"),
            Caps.NONE,
            OvernightSettings.NONE,
            Map.of());
    PortfolioRecord record =
        new Portfolios(db).create("beta", settings, Clock.fixed(CREATED, ZoneOffset.UTC));
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    Instant t = Instant.parse("2024-06-03T01:00:00Z");
    for (int i = 0; i < 24; i++) {
      BigDecimal close = new BigDecimal("50.00").add(new BigDecimal("0.25").multiply(bd(i)));
      BigDecimal open = close.subtract(new BigDecimal("0.10"));
      csv.append(t.plus(Duration.ofHours(3L * i)))
          .append(',')
          .append(open)
          .append(',')
          .append(close.add(new BigDecimal("0.50")))
          .append(',')
          .append(open.subtract(new BigDecimal("0.50")))
          .append(',')
          .append(close)
          .append(",1000\n");
    }
    Path feed = dir.resolve("zed.csv");
    Files.writeString(feed, csv);
    StrategyFactory script =
        scripted(
            Map.of(
                "2024-06-03T04:00", plan(Side.BUY, 100, 0, 4_500, 5_200),
                "2024-06-04T07:00", plan(Side.BUY, 50, 0, 4_000, 10_000)));
    run(db, record, settings, feed, dir, "b1", script);
    return record;
  }

  /**
   * Commits, as another writer would, an imported fill of 2 ACME bought at 112.00 (fee 0.50,
   * bot_version v3) to {@code portfolio} at {@code time}.
   */
  static void importFill(Database db, PortfolioId portfolio, String tradeId, Instant time) {
    Instrument acme = db.jdbi().withHandle(h -> new InstrumentRepository().all(h)).get("ACME");
    Fill fill =
        new Fill(
            new TradeId(tradeId),
            new ClientOrderId(tradeId.toLowerCase(java.util.Locale.ROOT)),
            null,
            acme,
            Side.BUY,
            Quantity.of(new BigDecimal("2"), acme.quantityScale()),
            acme.price(11_200),
            new BigDecimal("0.50"),
            time,
            "v3");
    db.jdbi()
        .useTransaction(
            h -> new FillRepository().insertIfAbsent(h, portfolio, fill, null, "import"));
  }

  private static BigDecimal bd(int i) {
    return BigDecimal.valueOf(i);
  }

  static PlanSpec plan(Side side, long quantity, long entry, long stop, long target) {
    return new PlanSpec(
        side, new Sizing.Fixed(new Quantity(quantity, 0)), entry, stop, target, 0, TimeInForce.GTC);
  }

  /** A strategy that opens the plan whose key starts its bar's ISO time. */
  static StrategyFactory scripted(Map<String, PlanSpec> plans) {
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
            String time = context.time().toString();
            for (var e : plans.entrySet()) {
              if (time.startsWith(e.getKey())) {
                return List.of(new Action.OpenPlan(e.getValue()));
              }
            }
            return List.of();
          }
        };
  }

  static void run(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      Path feed,
      Path dir,
      String version,
      StrategyFactory script) {
    RunnerOptions options =
        new RunnerOptions(
            "scripted",
            Map.of(),
            version,
            ExecutionCosts.of(10, 1, 0),
            null,
            Duration.ofSeconds(10),
            Duration.ofSeconds(3),
            0,
            "test-host",
            ProcessHandle.current().pid());
    Clock clock = Clock.systemUTC();
    try (PortfolioRunner runner =
        PortfolioRunner.open(db, record, settings, options, clock, script)) {
      runner.writeDailyLogs(
          new DailyLogs(db, record, settings, DailyLogs.textFileFor(dir, record.name()), clock));
      runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));
    }
  }
}
