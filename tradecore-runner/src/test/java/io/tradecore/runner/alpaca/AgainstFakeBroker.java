package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.RetryPolicy;
import io.tradecore.alpaca.StreamOptions;
import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.alpaca.fake.TestClock;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A portfolio on the Alpaca venue against the loopback fake broker: a runner on its own thread
 * trades bars a test pushes, with a test clock the runner, its client and the fake share.
 */
abstract class AgainstFakeBroker {
  static final Instrument AAPL = AlpacaVenue.usEquity("AAPL");
  static final PortfolioId ID = new PortfolioId("alp-test-1");

  /** Lost answers cost a second; the stream reconnects within a fraction of one. */
  static final RetryPolicy FAST = RetryPolicy.DEFAULT.withRequestTimeout(Duration.ofSeconds(1));

  static final StreamOptions QUICK_STREAMS =
      new StreamOptions(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofMillis(20),
          Duration.ofMillis(200));

  final TestClock clock = new TestClock(startTime());
  final PortfolioSettings settings =
      new PortfolioSettings(
          "USD",
          ZoneId.of("America/New_York"),
          "NYSE",
          new BigDecimal("100000"),
          PortfolioSettings.DEFAULTS.caps(),
          PortfolioSettings.DEFAULTS.overnight(),
          Map.of());
  FakeAlpaca fake;
  Database db;
  String dbUrl;
  PortfolioRecord record;
  PortfolioRunner runner;
  ScriptedFeed feed;
  private Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  long quantity = 10;
  long entryLimit = 0;
  long trail = 0;
  boolean streaming = true;

  @BeforeEach
  void startBroker() {
    fake = FakeAlpaca.start(clock);
    fake.warmUp();
    fake.setPrice("AAPL", "180.00");
    dbUrl = TestDatabases.sqliteUrl();
    db = Database.open(dbUrl, null, null, 4);
    db.migrate();
    record =
        new PortfolioRecord(
            ID,
            "alp",
            "USD",
            "America/New_York",
            "NYSE",
            new BigDecimal("100000"),
            settings.toJson(),
            clock.instant(),
            "alpaca");
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
  }

  @AfterEach
  void stopBroker() throws InterruptedException {
    stopRunner();
    fake.close();
    TestDatabases.dispose(db);
  }

  /** Where the test clock starts: Tuesday 5 March 2024, 10:30 in New York. */
  Instant startTime() {
    return Instant.parse("2024-03-05T15:30:00Z");
  }

  AlpacaClient client() {
    return AlpacaClient.builder(fake.config())
        .policy(FAST)
        .clock(clock)
        .random(new SplittableRandom(7))
        .build();
  }

  /** Opens a runner on the portfolio and starts it trading the scripted feed on its own thread. */
  void startRunner() {
    RunnerOptions options =
        new RunnerOptions(
            "buy-once",
            Map.of(),
            "v1",
            ExecutionCosts.FREE,
            null,
            Duration.ofDays(7),
            Duration.ofSeconds(3),
            0,
            "test-host",
            1);
    runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            options,
            clock,
            new PerInstrumentStrategies(i -> new BuyOnce(quantity, entryLimit, trail)),
            AlpacaVenue.factory(
                this::client, "v1", streaming ? QUICK_STREAMS : null, AlpacaVenue.POLL_INTERVAL));
    feed = new ScriptedFeed();
    ScriptedFeed mine = feed;
    PortfolioRunner trading = runner;
    thread =
        Thread.ofPlatform()
            .name("runner")
            .start(
                () -> {
                  try {
                    trading.run(mine);
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
  }

  /** Stops the runner after what it is doing, and closes it (its lease, its venue). */
  void stopRunner() throws InterruptedException {
    if (runner == null) {
      return;
    }
    feed.stop();
    thread.join(Duration.ofSeconds(10));
    runner.close();
    runner = null;
    assertThat(failure.get()).as("the run's failure").isNull();
  }

  /** Pushes the bar on which the strategy opens its plan. */
  void triggerBar() {
    bar(BuyOnce.TRIGGER);
  }

  /** Like {@link #await}, moving the clock a minute on every pass (polling only, on its clock). */
  void awaitAdvancing(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (failure.get() != null) {
        throw new AssertionError("the run failed waiting for " + what, failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      clock.advance(Duration.ofSeconds(61));
      try {
        Thread.sleep(300); // lets the poller see the minute pass
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /** The client order id the fake broker holds the plan's entry under. */
  String entryId() {
    return fake.clientOrderIds().stream()
        .filter(id -> id.endsWith("-entry"))
        .findFirst()
        .orElseThrow();
  }

  List<String> telemetry(String kind) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT message FROM telemetry_events WHERE portfolio_id = :p AND kind = :k")
                    .bind("p", ID.value())
                    .bind("k", kind)
                    .mapTo(String.class)
                    .list());
  }

  /** A one-minute bar of AAPL closing at {@code close} (units of 1/10,000), at the clock's time. */
  void bar(long close) {
    clock.advance(Duration.ofMinutes(1));
    feed.push(new Bar(AAPL, clock.instant(), close, close, close, close, 1000));
  }

  /** Polls {@code condition} until it holds or ten seconds pass. */
  void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (failure.get() != null) {
        throw new AssertionError("the run failed waiting for " + what, failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10); // a poll interval, not a wait for a fixed time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  // ---- what is stored ---------------------------------------------------------------------

  List<String> storedTradeIds() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT trade_id FROM fills WHERE portfolio_id = :p ORDER BY seq")
                    .bind("p", ID.value())
                    .mapTo(String.class)
                    .list());
  }

  /** Net quantity per symbol of the stored fills (the ledger a restart rebuilds). */
  Map<String, String> storedPositions() {
    Map<String, BigDecimal> net = new TreeMap<>();
    db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT symbol, side, quantity FROM fills WHERE portfolio_id = :p")
                    .bind("p", ID.value())
                    .map(
                        (rs, ctx) -> {
                          BigDecimal q = new BigDecimal(rs.getString("quantity"));
                          net.merge(
                              rs.getString("symbol"),
                              "BUY".equalsIgnoreCase(rs.getString("side")) ? q : q.negate(),
                              BigDecimal::add);
                          return null;
                        })
                    .list());
    return normalized(net);
  }

  String planStatus() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT status FROM plans WHERE portfolio_id = :p ORDER BY plan_id DESC")
                    .bind("p", ID.value())
                    .mapTo(String.class)
                    .findFirst()
                    .orElse("none"));
  }

  static Map<String, String> normalized(Map<String, BigDecimal> positions) {
    Map<String, String> out = new TreeMap<>();
    positions.forEach(
        (s, q) -> {
          if (q.signum() != 0) {
            out.put(s, q.stripTrailingZeros().toPlainString());
          }
        });
    return out;
  }

  /**
   * The ledger equals the broker's books: the same positions, every execution stored once, and one
   * broker order per order of ours.
   */
  void assertBooksAgree() {
    assertThat(storedTradeIds())
        .as("each execution stored once")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(fake.executionIds());
    assertThat(storedPositions()).as("positions").isEqualTo(normalized(fake.positions()));
    if (runner != null) {
      Map<String, BigDecimal> ledger = new TreeMap<>();
      runner
          .portfolio()
          .ledger()
          .positions()
          .values()
          .forEach(p -> ledger.put(p.instrument().symbol(), p.quantity()));
      assertThat(normalized(ledger))
          .as("the ledger in memory")
          .isEqualTo(normalized(fake.positions()));
    }
    assertThat(fake.clientOrderIds()).as("no order placed twice").doesNotHaveDuplicates();
  }
}
