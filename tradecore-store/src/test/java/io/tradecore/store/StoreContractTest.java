package io.tradecore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import io.tradecore.core.exchange.WorkingState;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.PlanStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository contract; run against SQLite and PostgreSQL by the two subclasses. */
abstract class StoreContractTest {
  static final Instrument ORCL = Instrument.of("ORCL", "USD", 6);
  static final PortfolioId P = new PortfolioId("p-1");
  static final RunId RUN = new RunId("run-1");
  static final Instant T = Instant.parse("2024-06-03T20:00:00Z");

  Database db;

  abstract Dialect dialect();

  @BeforeEach
  void openDatabase() {
    db = TestDatabases.open(dialect());
    db.jdbi()
        .useTransaction(
            h -> {
              new PortfolioRepository()
                  .insert(
                      h,
                      new PortfolioRecord(
                          P,
                          "main",
                          "USD",
                          "Australia/Sydney",
                          "NYSE",
                          new BigDecimal("100000"),
                          "{}",
                          T));
              new InstrumentRepository().ensure(h, ORCL);
            });
  }

  @AfterEach
  void closeDatabase() {
    TestDatabases.dispose(db);
  }

  static Fill fill(String tradeId, Side side, String qty, String price) {
    return new Fill(
        new TradeId(tradeId),
        new ClientOrderId("o-" + tradeId),
        new PlanId("plan-1"),
        ORCL,
        side,
        Quantity.of(new BigDecimal(qty), 6),
        Price.of(new BigDecimal(price), 6),
        new BigDecimal("1.00"),
        T,
        "v1");
  }

  @Test
  void migrations_are_applied_once_and_reported() {
    assertThat(db.migrate()).isZero();
    assertThat(db.isCurrent()).isTrue();
    assertThat(db.status()).extracting(Database.MigrationState::version).contains("1");
  }

  @Test
  void portfolios_are_found_by_name_and_names_are_unique() {
    PortfolioRepository repo = new PortfolioRepository();
    PortfolioRecord main = db.jdbi().withHandle(h -> repo.byName(h, "main")).orElseThrow();
    assertThat(main.startingCash()).isEqualByComparingTo("100000");
    assertThat(main.timeZone()).isEqualTo("Australia/Sydney");
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            repo.insert(
                                h,
                                new PortfolioRecord(
                                    new PortfolioId("p-2"),
                                    "main",
                                    "USD",
                                    "UTC",
                                    "NYSE",
                                    BigDecimal.ONE,
                                    "{}",
                                    T))))
        .hasMessageContaining("main");
  }

  @Test
  void a_fill_seen_twice_is_stored_once_and_the_database_enforces_it() {
    FillRepository fills = new FillRepository();
    boolean first =
        db.jdbi()
            .withHandle(
                h -> fills.insertIfAbsent(h, P, fill("t1", Side.BUY, "10", "20.5"), RUN, "engine"));
    boolean again =
        db.jdbi()
            .withHandle(
                h -> fills.insertIfAbsent(h, P, fill("t1", Side.BUY, "10", "20.5"), RUN, "resync"));
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO fills (portfolio_id, trade_id, seq, client_order_id,"
                                    + " symbol, side, quantity, price, fee, time_ms, bot_version,"
                                    + " source) VALUES ('p-1', 't1', 99, 'x', 'ORCL', 'BUY', '1',"
                                    + " '1', '0', 0, 'v', 'raw')")))
        .isInstanceOf(Exception.class);
    List<Fill> all = db.jdbi().withHandle(h -> fills.all(h, P, Map.of("ORCL", ORCL)));
    assertThat(all).containsExactly(fill("t1", Side.BUY, "10", "20.5"));
  }

  @Test
  void client_order_ids_are_unique_per_portfolio() {
    OrderRepository orders = new OrderRepository();
    Order o =
        Order.market(
            new ClientOrderId("plan-1-entry"),
            new PlanId("plan-1"),
            ORCL,
            Side.BUY,
            Quantity.of(BigDecimal.TEN, 6),
            T,
            "v1");
    db.jdbi()
        .useHandle(
            h -> orders.upsert(h, P, new OrderRecord(o, true, null, OrderStatus.WORKING, RUN, T)));
    db.jdbi()
        .useHandle(
            h -> orders.upsert(h, P, new OrderRecord(o, true, null, OrderStatus.FILLED, RUN, T)));
    List<OrderRecord> all = db.jdbi().withHandle(h -> orders.all(h, P, Map.of("ORCL", ORCL)));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).status()).isEqualTo(OrderStatus.FILLED);
    assertThat(all.get(0).order()).isEqualTo(o);
  }

  @Test
  void plans_keep_their_state_and_every_change() {
    PlanRepository plans = new PlanRepository();
    Plan pending =
        Plan.pending(
            new PlanId("plan-1"),
            PlanSpec.longAllIn().withStop(19_000_000).withTarget(25_000_000),
            ORCL,
            T,
            "v1");
    Plan active = pending.withStatus(PlanStatus.ACTIVE, T.plusSeconds(60));
    db.jdbi().useTransaction(h -> plans.save(h, P, pending, "opened", RUN));
    db.jdbi().useTransaction(h -> plans.save(h, P, active, "entry filled", RUN));

    List<Plan> open = db.jdbi().withHandle(h -> plans.open(h, P, Map.of("ORCL", ORCL)));
    assertThat(open).containsExactly(active);
    var v1 = db.jdbi().withHandle(h -> plans.changeCount(h, P, pending.id()));
    assertThat(v1).isEqualTo(2);
  }

  @Test
  void the_stats_cache_round_trips_exactly() {
    Portfolio portfolio = new Portfolio(P, "USD", new BigDecimal("100000"));
    Fill first = fill("t1", Side.BUY, "3.333333", "20.123456");
    Fill second =
        new Fill(
            new TradeId("t2"),
            new ClientOrderId("o-t2"),
            null,
            ORCL,
            Side.SELL,
            Quantity.of(new BigDecimal("1.5"), 6),
            Price.of(new BigDecimal("21.5"), 6),
            new BigDecimal("0.25"),
            T.plusSeconds(60),
            "v2");
    FillRepository fills = new FillRepository();
    StatsRepository stats = new StatsRepository();
    for (Fill f : List.of(first, second)) {
      portfolio.apply(f);
      db.jdbi()
          .useTransaction(
              h -> {
                fills.insertIfAbsent(h, P, f, RUN, "engine");
                stats.save(h, P, StatsRepository.Snapshot.of(portfolio), T);
              });
    }
    StatsRepository.Stats loaded = db.jdbi().withHandle(h -> stats.load(h, P)).orElseThrow();
    assertThat(loaded.sameAs(StatsRepository.Stats.of(portfolio.ledger()))).isTrue();
    assertThat(loaded.cash()).isEqualByComparingTo(portfolio.ledger().cash());

    // The snapshot covers every stored fill: a reader starts from it, equal to a rebuild.
    PortfolioRecord record = db.jdbi().withHandle(h -> new PortfolioRepository().byId(h, P)).get();
    Portfolio restored =
        db.jdbi()
            .withHandle(h -> stats.current(h, P))
            .orElseThrow()
            .snapshot()
            .restore(record, Map.of("ORCL", ORCL));
    assertThat(restored.summary()).isEqualTo(portfolio.summary());
    assertThat(restored.summaryByVersion()).isEqualTo(portfolio.summaryByVersion());
    assertThat(restored.ledger().positions()).isEqualTo(portfolio.ledger().positions());
    assertThat(restored.ledger().sameStateAs(portfolio.ledger())).isTrue();

    // A fill stored without the snapshot (the fills are the truth): readers rebuild.
    db.jdbi()
        .useTransaction(
            h -> fills.insertIfAbsent(h, P, fill("t3", Side.BUY, "1", "20"), RUN, "import"));
    Optional<StatsRepository.Current> stale = db.jdbi().withHandle(h -> stats.current(h, P));
    assertThat(stale).isEmpty();
  }

  @Test
  void a_second_runner_is_refused_with_the_holder_named_until_the_lease_expires() {
    LeaseRepository leases = new LeaseRepository();
    Duration ttl = Duration.ofSeconds(15);
    RunId other = new RunId("run-2");
    var v2 = db.jdbi().withHandle(h -> leases.tryAcquire(h, P, RUN, "host-a", 111, T, ttl));
    assertThat(v2).isEmpty();
    var refused =
        db.jdbi()
            .withHandle(h -> leases.tryAcquire(h, P, other, "host-b", 222, T.plusSeconds(5), ttl));
    assertThat(refused)
        .get()
        .extracting(
            LeaseRepository.Holder::run, LeaseRepository.Holder::host, LeaseRepository.Holder::pid)
        .containsExactly(RUN, "host-a", 111L);
    var v3 = db.jdbi().withHandle(h -> leases.renew(h, P, RUN, T.plusSeconds(10), ttl));
    assertThat(v3).isTrue();
    // Renewed until T+25: still refused at T+20, taken at T+26.
    var stillHeld =
        db.jdbi()
            .withHandle(h -> leases.tryAcquire(h, P, other, "host-b", 222, T.plusSeconds(20), ttl));
    assertThat(stillHeld).isPresent();
    var takenOver =
        db.jdbi()
            .withHandle(h -> leases.tryAcquire(h, P, other, "host-b", 222, T.plusSeconds(26), ttl));
    assertThat(takenOver).isEmpty();
    var v4 = db.jdbi().withHandle(h -> leases.renew(h, P, RUN, T.plusSeconds(27), ttl));
    assertThat(v4).isFalse();
  }

  @Test
  void the_feed_position_and_engine_state_round_trip() {
    EngineStateRepository state = new EngineStateRepository();
    var s =
        new EngineStateRepository.State(
            "replay:a.csv", 41, T.toEpochMilli(), 7, "2024-06-04", null, "{\"ORCL\":\"20.5\"}");
    db.jdbi().useHandle(h -> state.save(h, P, s));
    var v5 = db.jdbi().withHandle(h -> state.load(h, P, "replay:a.csv"));
    assertThat(v5).contains(s);
    var v6 = db.jdbi().withHandle(h -> state.lastEventMs(h, P));
    assertThat(v6).contains(T.toEpochMilli());
  }

  @Test
  void rewriting_a_day_updates_it_in_place() {
    DayRepository days = new DayRepository();
    var d1 =
        new DayRepository.Day(
            "2024-06-03",
            new BigDecimal("100000"),
            new BigDecimal("100500.25"),
            new BigDecimal("500.25"),
            new BigDecimal("0.0050025"),
            BigDecimal.ZERO,
            BigDecimal.ONE,
            2,
            1,
            1);
    db.jdbi().useHandle(h -> days.saveDay(h, P, d1));
    db.jdbi().useHandle(h -> days.saveDay(h, P, d1));
    var v7 = db.jdbi().withHandle(h -> days.days(h, P));
    assertThat(v7).containsExactly(d1);
  }

  @Test
  void the_paper_exchange_keeps_its_orders_and_fills_apart_and_in_order() {
    PaperRepository paper = new PaperRepository();
    Order o =
        Order.market(
            new ClientOrderId("plan-1-entry"),
            new PlanId("plan-1"),
            ORCL,
            Side.BUY,
            Quantity.of(BigDecimal.TEN, 6),
            T,
            "v1");
    WorkingState ws =
        new WorkingState(o, 10_000_000, null, false, T, LocalDate.parse("2024-06-03"));
    db.jdbi()
        .useTransaction(
            h -> {
              paper.ensureAccount(h, "p-1", new BigDecimal("100000"));
              paper.saveOrder(h, "p-1", ws, OrderStatus.WORKING, T);
              paper.insertFill(h, "p-1", 1, fill("SIM-1", Side.BUY, "10", "20"));
              paper.updateAccount(h, "p-1", 1, new BigDecimal("99799"));
            });
    Map<String, Instrument> instruments = Map.of("ORCL", ORCL);
    var v8 = db.jdbi().withHandle(h -> paper.orders(h, "p-1", OrderStatus.WORKING, instruments));
    assertThat(v8).containsExactly(new PaperRepository.PaperOrder(OrderStatus.WORKING, ws));
    var v9 = db.jdbi().withHandle(h -> paper.fillsAfter(h, "p-1", 0, instruments));
    assertThat(v9)
        .extracting(PaperRepository.PaperFill::fill)
        .containsExactly(fill("SIM-1", Side.BUY, "10", "20"));
    var v10 = db.jdbi().withHandle((Handle h) -> paper.tradeSequence(h, "p-1"));
    assertThat(v10).isEqualTo(1);
  }

  @Test
  void regenerating_a_daily_log_keeps_the_persons_notes_and_never_duplicates_the_day() {
    DailyLogRepository logs = new DailyLogRepository();
    var first =
        new DailyLogRepository.Row(
            "2024-06-03",
            new BigDecimal("100500"),
            new BigDecimal("500"),
            new BigDecimal("0.005"),
            new BigDecimal("500"),
            "MODERATE_UP",
            2,
            3,
            0,
            0,
            "OPEN",
            "[]",
            "",
            "",
            "",
            "",
            T);
    db.jdbi().useHandle(h -> logs.saveGenerated(h, P, first));
    var noted =
        db.jdbi()
            .withHandle(
                h ->
                    logs.addNote(
                        h, P, "2024-06-03", DailyLogRepository.Section.LESSONS, "cut losers"));
    assertThat(noted).isTrue();
    db.jdbi()
        .useHandle(
            h -> logs.addNote(h, P, "2024-06-03", DailyLogRepository.Section.LESSONS, "earlier"));
    var regenerated =
        new DailyLogRepository.Row(
            "2024-06-03",
            new BigDecimal("100400"),
            new BigDecimal("400"),
            new BigDecimal("0.004"),
            new BigDecimal("400"),
            "MODERATE_UP",
            2,
            3,
            0,
            0,
            "OPEN",
            "[]",
            "",
            "",
            "",
            "",
            T.plusSeconds(60));
    db.jdbi().useHandle(h -> logs.saveGenerated(h, P, regenerated));

    var all = db.jdbi().withHandle(h -> logs.all(h, P));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).accountValue()).isEqualByComparingTo("100400");
    assertThat(all.get(0).lessons()).isEqualTo("cut losers\nearlier");
    var missing =
        db.jdbi()
            .withHandle(
                h -> logs.addNote(h, P, "2024-06-04", DailyLogRepository.Section.FOCUS, "x"));
    assertThat(missing).isFalse();
  }

  @Test
  void plan_requests_wait_in_order_and_are_resolved_once() {
    PlanRequestRepository repo = new PlanRequestRepository();
    PlanRequestRepository.Request open =
        PlanRequestRepository.Request.pending(
            "req-b",
            P,
            PlanRequestRepository.Kind.OPEN,
            "ORCL",
            "BUY",
            new BigDecimal("10.5"),
            new BigDecimal("95.25"),
            null,
            null,
            "cli",
            T);
    PlanRequestRepository.Request close =
        PlanRequestRepository.Request.pending(
            "req-a",
            P,
            PlanRequestRepository.Kind.CLOSE,
            "ORCL",
            null,
            null,
            null,
            null,
            "plan-3",
            "api",
            T.plusMillis(1));
    db.jdbi()
        .useTransaction(
            h -> {
              repo.insert(h, close);
              repo.insert(h, open);
            });
    assertThat(pending(repo))
        .extracting(PlanRequestRepository.Request::id)
        .as("oldest first")
        .containsExactly("req-b", "req-a");
    assertThat(db.jdbi().withHandle(h -> repo.find(h, "req-b")).orElseThrow()).isEqualTo(open);

    var outcome =
        PlanRequestRepository.Outcome.accepted("req-b", "plan-4", T.plusSeconds(1), "run-9");
    assertThat(resolve(repo, outcome)).isTrue();
    assertThat(resolve(repo, outcome)).as("a request is resolved once").isFalse();
    PlanRequestRepository.Request done =
        db.jdbi().withHandle(h -> repo.find(h, "req-b")).orElseThrow();
    assertThat(done.status()).isEqualTo(PlanRequestRepository.Status.ACCEPTED);
    assertThat(done.resultPlan()).isEqualTo("plan-4");
    assertThat(done.appliedAt()).isEqualTo(T.plusSeconds(1));
    assertThat(done.appliedBy()).isEqualTo("run-9");
    assertThat(done.quantity()).isEqualByComparingTo("10.5");
    assertThat(pending(repo))
        .extracting(PlanRequestRepository.Request::id)
        .containsExactly("req-a");
    boolean any = db.jdbi().withHandle(h -> repo.anyPending(h, P));
    assertThat(any).isTrue();
    List<PlanRequestRepository.Request> latest = db.jdbi().withHandle(h -> repo.latest(h, P, 1));
    assertThat(latest).extracting(PlanRequestRepository.Request::id).containsExactly("req-a");
  }

  private List<PlanRequestRepository.Request> pending(PlanRequestRepository repo) {
    return db.jdbi().withHandle(h -> repo.pending(h, P));
  }

  private boolean resolve(PlanRequestRepository repo, PlanRequestRepository.Outcome o) {
    return db.jdbi().inTransaction(h -> repo.resolve(h, o));
  }
}
