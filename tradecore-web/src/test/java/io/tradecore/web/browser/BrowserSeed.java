package io.tradecore.web.browser;

import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
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
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The browser tests' data: two portfolios with weeks of history, made by real runners over
 * generated CSV feeds. "alpha" (NYSE, New York, USD) trades ACME and GLOBEX on daily bars in two
 * runs (bot_versions v1, then v2) and ends holding positions with an active plan on each symbol and
 * a pending limit entry on ACME below the last price. "beta" (24/7, Sydney, EUR) trades ZED on bars
 * every three hours in runs b1 and b2. Plans are opened by a small rule (every few bars when
 * nothing is open: buy, stop 4% below, target 4% above), so some close at their target and some at
 * their stop. Daily logs are written as the runners pass each day's close.
 */
final class BrowserSeed {
  static final Instant CREATED = Instant.parse("2024-06-01T00:00:00Z");
  static final String YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume\n";

  /** alpha's last bar; its pending ACME entry waits below that bar's close. */
  static final LocalDate ALPHA_LAST = LocalDate.parse("2024-07-12");

  private BrowserSeed() {}

  /** Seeds both portfolios into {@code db}; feeds and daily log text go under {@code dir}. */
  static void both(Database db, Path dir) throws IOException {
    alpha(db, dir);
    beta(db, dir);
  }

  /** An empty portfolio next to nothing: for the empty states. */
  static PortfolioRecord empty(Database db, String name) {
    return new Portfolios(db)
        .create(name, settings("USD", "America/New_York", "NYSE", 10_000), fixed());
  }

  static PortfolioRecord byName(Database db, String name) {
    return db.jdbi().withHandle(h -> new PortfolioRepository().byName(h, name)).orElseThrow();
  }

  static PortfolioSettings settings(String currency, String zone, String calendar, long cash) {
    return new PortfolioSettings(
        currency,
        ZoneId.of(zone),
        calendar,
        BigDecimal.valueOf(cash),
        Caps.NONE,
        OvernightSettings.NONE,
        Map.of());
  }

  static void alpha(Database db, Path dir) throws IOException {
    PortfolioSettings settings = settings("USD", "America/New_York", "NYSE", 100_000);
    PortfolioRecord record = new Portfolios(db).create("alpha", settings, fixed());
    List<LocalDate> days = new ArrayList<>();
    Set<LocalDate> holidays = Set.of(LocalDate.parse("2024-06-19"), LocalDate.parse("2024-07-04"));
    for (LocalDate d = LocalDate.parse("2024-06-03"); !d.isAfter(ALPHA_LAST); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY
          && d.getDayOfWeek() != DayOfWeek.SUNDAY
          && !holidays.contains(d)) {
        days.add(d);
      }
    }
    int split = 14;
    Path acme = dir.resolve("acme.csv");
    Path globex = dir.resolve("globex.csv");
    Files.writeString(acme, YAHOO + daily(days.subList(0, split), 0, 100, 6, 3.0, 0.35));
    Files.writeString(globex, YAHOO + daily(days.subList(0, split), 0, 48, 2.5, 2.2, 0.08));
    String feed = "replay:" + acme + "@ACME," + globex + "@GLOBEX";
    StrategyFactory rule =
        i ->
            i.symbol().equals("ACME")
                ? new EveryFewBars(4, 1, 300, null, ALPHA_LAST.toString(), 97)
                : new EveryFewBars(5, 2, 600, null, null, 0);
    run(db, record, settings, feed, dir, "v1", rule);
    Files.writeString(
        acme, YAHOO + daily(days, 0, 100, 6, 3.0, 0.35) /* the same first days, then more */);
    Files.writeString(globex, YAHOO + daily(days, 0, 48, 2.5, 2.2, 0.08));
    run(db, record, settings, feed, dir, "v2", rule);
  }

  static void beta(Database db, Path dir) throws IOException {
    PortfolioSettings settings = settings("EUR", "Australia/Sydney", "CRYPTO_24_7", 50_000);
    PortfolioRecord record = new Portfolios(db).create("beta", settings, fixed());
    Path zed = dir.resolve("zed.csv");
    Instant start = Instant.parse("2024-06-02T16:00:00Z");
    Files.writeString(zed, intraday(start, 28));
    String feed = "replay:" + zed + "@ZED";
    StrategyFactory rule = i -> new EveryFewBars(6, 2, 600, "2024-06-09T07", "2024-06-09T22", 96);
    run(db, record, settings, feed, dir, "b1", rule);
    Files.writeString(zed, intraday(start, 60));
    run(db, record, settings, feed, dir, "b2", rule);
  }

  /** Daily Yahoo rows: a wave around a drifting level, two decimals. */
  static String daily(
      List<LocalDate> days, int from, double level, double swing, double period, double drift) {
    StringBuilder csv = new StringBuilder();
    double previous = level;
    for (int i = from; i < days.size(); i++) {
      double close = level + swing * Math.sin(i / period) + drift * i;
      double open = i == 0 ? close - 0.5 : previous;
      double high = Math.max(open, close) + 0.9;
      double low = Math.min(open, close) - 0.9;
      csv.append(days.get(i))
          .append(',')
          .append(p(open))
          .append(',')
          .append(p(high))
          .append(',')
          .append(p(low))
          .append(',')
          .append(p(close))
          .append(',')
          .append(p(close))
          .append(",1000000\n");
      previous = close;
    }
    return csv.toString();
  }

  /** Generic CSV rows every three hours. */
  static String intraday(Instant start, int bars) {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    double previous = 40;
    for (int i = 0; i < bars; i++) {
      double close = 40 + 2.2 * Math.sin(i / 3.5) - 0.02 * i;
      double open = i == 0 ? close - 0.1 : previous;
      csv.append(start.plus(Duration.ofHours(3L * i)))
          .append(',')
          .append(p(open))
          .append(',')
          .append(p(Math.max(open, close) + 0.3))
          .append(',')
          .append(p(Math.min(open, close) - 0.3))
          .append(',')
          .append(p(close))
          .append(",2500\n");
      previous = close;
    }
    return csv.toString();
  }

  private static String p(double price) {
    return BigDecimal.valueOf(price).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static Clock fixed() {
    return Clock.fixed(CREATED, ZoneOffset.UTC);
  }

  /**
   * Buys every {@code period} bars (at bar index {@code offset} mod period) when no plan is open: a
   * market entry of {@code quantity} with its stop 4% below the close and its target 4% above. On
   * the bar whose time starts with {@code holdOn} it buys with a wide stop (12%) and target (15%),
   * a plan that stays open; on the one starting with {@code pendingOn} it opens a limit entry at
   * {@code pendingPercent}% of the close (stop 6% and target 8% from the entry).
   */
  static final class EveryFewBars implements Strategy {
    private final int period;
    private final int offset;
    private final long quantity;
    private final String holdOn;
    private final String pendingOn;
    private final long pendingPercent;

    EveryFewBars(
        int period,
        int offset,
        long quantity,
        String holdOn,
        String pendingOn,
        long pendingPercent) {
      this.period = period;
      this.offset = offset;
      this.quantity = quantity;
      this.holdOn = holdOn;
      this.pendingOn = pendingOn;
      this.pendingPercent = pendingPercent;
    }

    @Override
    public String name() {
      return "every-few-bars";
    }

    @Override
    public void init(StrategySetup setup) {}

    @Override
    public List<Action> onBar(TradingContext context) {
      long close = context.bar().close();
      List<Action> out = new ArrayList<>();
      if (context.openPlanCount() == 0 && context.barIndex() % period == offset) {
        out.add(
            new Action.OpenPlan(plan(Side.BUY, quantity, 0, close * 96 / 100, close * 104 / 100)));
      }
      String time = context.time().toString();
      if (holdOn != null && time.startsWith(holdOn)) {
        out.add(
            new Action.OpenPlan(
                plan(Side.BUY, quantity / 3, 0, close * 88 / 100, close * 115 / 100)));
      }
      if (pendingOn != null && time.startsWith(pendingOn)) {
        long entry = close * pendingPercent / 100;
        out.add(
            new Action.OpenPlan(
                plan(Side.BUY, quantity / 2, entry, entry * 94 / 100, entry * 108 / 100)));
      }
      return out;
    }
  }

  /** Does nothing: a runner that only lets working orders meet new bars. */
  static StrategyFactory idle() {
    return instrument -> Strategy.idle("idle");
  }

  static PlanSpec plan(Side side, long quantity, long entry, long stop, long target) {
    return new PlanSpec(
        side, new Sizing.Fixed(new Quantity(quantity, 0)), entry, stop, target, 0, TimeInForce.GTC);
  }

  /** Runs a real runner over {@code feed} to its end, writing daily logs as it passes closes. */
  static void run(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      String feed,
      Path dir,
      String version,
      StrategyFactory strategy) {
    RunnerOptions options =
        new RunnerOptions(
            "every-few-bars",
            Map.of(),
            version,
            ExecutionCosts.of(5, 1, 0),
            null,
            Duration.ofSeconds(10),
            Duration.ofSeconds(3),
            0,
            "browser-test",
            ProcessHandle.current().pid());
    Clock clock = Clock.systemUTC();
    try (PortfolioRunner runner =
        PortfolioRunner.open(db, record, settings, options, clock, strategy)) {
      runner.writeDailyLogs(
          new DailyLogs(db, record, settings, DailyLogs.textFileFor(dir, record.name()), clock));
      runner.run(ReplayFeed.open(feed, settings.baseCurrency(), dir));
    }
  }
}
