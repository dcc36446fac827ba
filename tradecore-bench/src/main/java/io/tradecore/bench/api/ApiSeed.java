package io.tradecore.bench.api;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Seeds the benchmark's portfolio through the store's repositories, in one transaction (the fills
 * as one batch of the fill repository's insert, checked with its count afterwards): a portfolio
 * (default settings: USD, Australia/Sydney, 100,000 cash), four instruments, two runs (bot_version
 * v1 then v2), {@code fills} fills and the marks a runner would have committed last.
 *
 * <p>The fills round-robin over the four symbols about every 170 s from 2024-01-02T14:30Z (about
 * 500 a day over 200 days); each symbol opens with a buy of 20 and then alternates sells and buys
 * of 10 at a seeded random walk of prices, so each ends long 10 (or close to it). The first half
 * belongs to run 1 (v1), the rest to run 2 (v2).
 */
final class ApiSeed {
  static final String PORTFOLIO = "bench";
  static final Instant START = Instant.parse("2024-01-02T14:30:00Z");
  static final long STEP_MS = 170_000L;
  static final List<Instrument> INSTRUMENTS =
      List.of(
          new Instrument("ACME", "USD", 2, 0),
          new Instrument("BOLT", "USD", 2, 0),
          new Instrument("CRUX", "USD", 2, 0),
          new Instrument("DYNE", "USD", 2, 0));

  /** The insert of {@link FillRepository#insertIfAbsent}, with the sequence number given. */
  private static final String INSERT_FILL =
      "INSERT INTO fills (portfolio_id, trade_id, seq, client_order_id, plan_id, run_id,"
          + " symbol, side, quantity, price, fee, time_ms, bot_version, source)"
          + " VALUES (:p, :trade, :seq, :order, :plan, :run, :symbol, :side, :qty,"
          + " :price, :fee, :time, :version, :source)";

  private ApiSeed() {}

  /** Creates the portfolio and its history in {@code db} (migrated, without that portfolio). */
  static PortfolioRecord seed(Database db, int fills, long seed) {
    PortfolioRecord record =
        new Portfolios(db)
            .create(PORTFOLIO, PortfolioSettings.DEFAULTS, Clock.fixed(START, ZoneOffset.UTC));
    InstrumentRepository instruments = new InstrumentRepository();
    FillRepository fillRepo = new FillRepository();
    RunRepository runs = new RunRepository();
    EngineStateRepository engineState = new EngineStateRepository();
    RunId run1 = new RunId("bench-run-1");
    RunId run2 = new RunId("bench-run-2");
    Instant end = START.plusMillis(fills * STEP_MS);
    Instant half = START.plusMillis(fills / 2 * STEP_MS);
    db.jdbi()
        .useTransaction(
            h -> {
              INSTRUMENTS.forEach(i -> instruments.ensure(h, i));
              runs.insert(h, run(run1, record, "v1", START));
              runs.end(h, run1, half, "stopped");
              runs.insert(h, run(run2, record, "v2", half));
              SplittableRandom random = new SplittableRandom(seed);
              long[] cents = {10_000, 2_500, 40_000, 7_500};
              int[] count = new int[INSTRUMENTS.size()];
              // FillRepository.insertIfAbsent's statement, batched: it reads MAX(seq) per fill,
              // which makes 100,000 single inserts take 20 s on a busy machine.
              PreparedBatch batch = h.prepareBatch(INSERT_FILL);
              for (int n = 1; n <= fills; n++) {
                int s = n % INSTRUMENTS.size();
                Instrument i = INSTRUMENTS.get(s);
                cents[s] = Math.max(100, cents[s] + random.nextLong(-25, 26));
                int k = count[s]++;
                Side side = k == 0 || k % 2 == 0 ? Side.BUY : Side.SELL;
                long qty = k == 0 ? 20 : 10;
                boolean second = n > fills / 2;
                Fill f =
                    new Fill(
                        new TradeId("T" + n),
                        new ClientOrderId("o" + n),
                        n % 10 == 0 ? new PlanId("p" + n / 10) : null,
                        i,
                        side,
                        Quantity.of(BigDecimal.valueOf(qty), i.quantityScale()),
                        Price.of(BigDecimal.valueOf(cents[s], 2), i.priceScale()),
                        new BigDecimal("0.10"),
                        START.plusMillis(n * STEP_MS),
                        second ? "v2" : "v1");
                batch
                    .bind("p", record.id().value())
                    .bind("trade", f.tradeId().value())
                    .bind("seq", (long) n)
                    .bind("order", f.orderId().value())
                    .bind("plan", f.planId() == null ? null : f.planId().value())
                    .bind("run", (second ? run2 : run1).value())
                    .bind("symbol", f.instrument().symbol())
                    .bind("side", f.side().name())
                    .bind("qty", f.quantity().toString())
                    .bind("price", f.price().toString())
                    .bind("fee", f.fee().toPlainString())
                    .bind("time", f.time().toEpochMilli())
                    .bind("version", f.botVersion())
                    .bind("source", "bench")
                    .add();
              }
              batch.execute();
              long stored = fillRepo.count(h, record.id());
              if (stored != fills) {
                throw new IllegalStateException("stored " + stored + " fills, not " + fills);
              }
              StringBuilder marks = new StringBuilder("{");
              for (int s = 0; s < INSTRUMENTS.size(); s++) {
                marks
                    .append(s == 0 ? "" : ",")
                    .append('"')
                    .append(INSTRUMENTS.get(s).symbol())
                    .append("\":\"")
                    .append(BigDecimal.valueOf(cents[s] + 5, 2).toPlainString())
                    .append('"');
              }
              engineState.save(
                  h,
                  record.id(),
                  new EngineStateRepository.State(
                      "bench",
                      fills,
                      end.toEpochMilli(),
                      fills / 10 + 1,
                      null,
                      null,
                      marks.append('}').toString()));
            });
    return record;
  }

  private static RunRecord run(RunId id, PortfolioRecord p, String version, Instant at) {
    return new RunRecord(
        id, p.id(), version, "paper", "sma-cross", "{}", "bench", 1, at, null, null);
  }
}
