package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.feed.Moment;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PaperRepository;
import io.tradecore.store.PlanRequestRepository;
import io.tradecore.store.PlanRequestRepository.Request;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import io.tradecore.store.query.PlanQueries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trader's plan, opened by hand while a runner trades a live feed on the paper exchange: the
 * request reaches the running runner through the store, is applied on its next loop turn, the entry
 * fills on the next bar, and the plan's stop fires later as a strategy plan's would.
 */
class ManualPlanRunnerTest {
  static final PortfolioId ID = new PortfolioId("p-hand");
  static final Instrument ACME = Instrument.of("ACME", "USD", 2);
  static final Instant T0 = Instant.parse("2024-06-03T14:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(20);

  Database db;
  PortfolioRecord record;
  PortfolioSettings settings;
  PortfolioRunner runner;
  CompletableFuture<Integer> running;

  @AfterEach
  void close() throws Exception {
    if (runner != null) {
      runner.stop();
      running.get(30, TimeUnit.SECONDS);
      runner.close();
    }
    TestDatabases.dispose(db);
  }

  void portfolio(Caps caps) {
    portfolio(Dialect.SQLITE, caps);
  }

  void portfolio(Dialect dialect, Caps caps) {
    db = TestDatabases.open(dialect);
    settings =
        new PortfolioSettings(
            "USD",
            ZoneId.of("America/New_York"),
            "NYSE",
            new BigDecimal("100000"),
            caps,
            new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14),
            Map.of());
    record =
        new PortfolioRecord(
            ID,
            "hand",
            "USD",
            "America/New_York",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            T0.minus(Duration.ofDays(1)));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
  }

  ScriptedLiveFeed start() {
    ScriptedLiveFeed feed = new ScriptedLiveFeed(null);
    runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> Strategy.idle("idle"));
    running = CompletableFuture.supplyAsync(() -> runner.run(feed));
    return feed;
  }

  static Moment bar(int minute, String open, String high, String low, String close) {
    return Moment.of(
        new Bar(
            ACME,
            T0.plus(Duration.ofMinutes(minute)),
            units(open),
            units(high),
            units(low),
            units(close),
            1000));
  }

  static long units(String price) {
    return new BigDecimal(price).movePointRight(2).longValueExact();
  }

  void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(running.isDone()).as("the runner stopped early: " + running).isFalse();
      assertThat(System.nanoTime() - deadline).as("waited for " + what).isNegative();
      Thread.sleep(20);
    }
  }

  List<PlanQueries.Row> plans() {
    return db.jdbi()
        .withHandle(
            h ->
                new PlanQueries()
                    .withStatus(h, ID, List.of("PENDING", "ACTIVE", "CLOSED", "CANCELLED")));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_plan_opened_by_hand_while_the_runner_trades_fills_and_its_stop_fires(Dialect dialect)
      throws Exception {
    portfolio(dialect, Caps.NONE);
    ScriptedLiveFeed feed = start();
    PlanDesk desk = new PlanDesk(db, record, Clock.systemUTC());
    feed.push(bar(0, "100.00", "100.50", "99.50", "100.00"));
    await("the first bar to be committed", () -> feed.taken() == 1 && desk.runnerHolds());
    await(
        "ACME to be known",
        () ->
            !db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT symbol FROM instruments WHERE symbol = 'ACME'")
                            .mapTo(String.class)
                            .list())
                .isEmpty());

    Request asked =
        desk.open(
            "ACME",
            Side.BUY,
            new BigDecimal("10"),
            new BigDecimal("95.00"),
            new BigDecimal("110.00"),
            "test");
    Request done = desk.await(asked.id(), WAIT, null);
    assertThat(done.status()).isEqualTo(PlanRequestRepository.Status.ACCEPTED);
    assertThat(done.resultPlan()).isEqualTo("plan-1");
    assertThat(done.appliedBy()).isEqualTo(runner.runId().value());
    assertThat(plans())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo("PENDING");
              assertThat(p.stop()).isEqualTo(9500);
              assertThat(p.target()).isEqualTo(11000);
            });

    // The market entry fills at the next bar's open, on the paper exchange.
    feed.push(bar(1, "100.20", "101.00", "100.00", "100.80"));
    await("the entry to fill", () -> plans().get(0).status().equals("ACTIVE"));
    assertThat(plans().get(0).filled()).isEqualByComparingTo("10");

    // Moved by hand: the stop goes up to 97.00, the target stays.
    Request adjusted = desk.adjust("plan-1", new BigDecimal("97.00"), null, "test");
    assertThat(desk.await(adjusted.id(), WAIT, null).status())
        .isEqualTo(PlanRequestRepository.Status.ACCEPTED);
    assertThat(plans().get(0).stop()).isEqualTo(9700);
    assertThat(plans().get(0).target()).isEqualTo(11000);

    // A bar that falls through the stop: the monitor exits at the stop, as for any plan.
    feed.push(bar(2, "99.00", "99.10", "96.00", "96.50"));
    await("the stop to fire", () -> plans().get(0).status().equals("CLOSED"));
    PlanQueries.Row closed = plans().get(0);
    assertThat(closed.exitReason()).isEqualTo("STOP");
    assertThat(closed.exited()).isEqualByComparingTo("10");
    long fills =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM fills WHERE portfolio_id = :p")
                        .bind("p", ID.value())
                        .mapTo(Long.class)
                        .one());
    assertThat(fills).isEqualTo(2);
    long paperOrders = db.jdbi().withHandle(h -> new PaperRepository().countOrders(h, ID.value()));
    assertThat(paperOrders)
        .as("one entry and one stop exit at the paper exchange, none twice")
        .isEqualTo(2);

    // A closed plan cannot be closed again: the desk names it.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.close("plan-1", "test"))
        .isInstanceOf(PlanDesk.InvalidRequest.class)
        .hasMessageContaining("plan plan-1 is closed");
  }

  @Test
  void a_request_over_a_cap_is_refused_naming_the_cap() throws Exception {
    portfolio(new Caps(new BigDecimal("500"), null, null, null));
    ScriptedLiveFeed feed = start();
    PlanDesk desk = new PlanDesk(db, record, Clock.systemUTC());
    feed.push(bar(0, "100.00", "100.50", "99.50", "100.00"));
    await("the first bar to be committed", () -> feed.taken() == 1 && desk.runnerHolds());
    await(
        "ACME to be known",
        () ->
            !db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT symbol FROM instruments WHERE symbol = 'ACME'")
                            .mapTo(String.class)
                            .list())
                .isEmpty());

    Request asked = desk.open("ACME", Side.BUY, new BigDecimal("10"), null, null, "test");
    Request done = desk.await(asked.id(), WAIT, null);
    assertThat(done.status()).isEqualTo(PlanRequestRepository.Status.REFUSED);
    assertThat(done.reason()).contains("max_order_value");
    assertThat(plans()).isEmpty();
  }
}
