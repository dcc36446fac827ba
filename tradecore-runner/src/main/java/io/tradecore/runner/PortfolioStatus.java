package io.tradecore.runner;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.Plan;
import io.tradecore.store.Codec;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PlanRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import io.tradecore.store.TelemetryRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portfolio's state as a person asks for it: cash, equity at the latest marks, open positions and
 * plans (whichever run made them), fill count, last run and last event, and the drift its last run
 * found between the ledger and its venue (which halts new entries), if it still stands. From the
 * stats cache's snapshot when it covers every stored fill, else rebuilt from the fills.
 *
 * @param drift what differs, with both figures, or null
 */
public record PortfolioStatus(
    PortfolioRecord portfolio,
    LedgerSummary summary,
    List<Map<String, Object>> positions,
    List<Map<String, Object>> openPlans,
    RunRecord lastRun,
    Instant lastEvent,
    String drift) {

  /** The telemetry kind of the warning that new entries are halted by drift. */
  public static final String DRIFT_HALT = "drift-halt";

  /** The telemetry kind of the note that the drift is gone and entries resume. */
  public static final String DRIFT_CLEARED = "drift-cleared";

  public static PortfolioStatus of(Database db, PortfolioRecord record) {
    return db.jdbi()
        .withHandle(
            h -> {
              Map<String, Instrument> instruments = new InstrumentRepository().all(h);
              // A reader: a stats cache that differs is the next runner's to report.
              Portfolio p = PortfolioRestore.ledger(h, record, instruments, differed -> {});
              new EngineStateRepository()
                  .load(h, record.id(), null)
                  .map(EngineStateRepository.State::marks)
                  .filter(m -> m != null)
                  .ifPresent(
                      m ->
                          Codec.readMap(m)
                              .forEach((s, v) -> p.mark(s, new BigDecimal(String.valueOf(v)))));
              List<Map<String, Object>> positions = new ArrayList<>();
              for (Position pos : p.ledger().positions().values()) {
                BigDecimal mark = p.marks().get(pos.instrument().symbol());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", pos.instrument().symbol());
                m.put("quantity", pos.quantity().stripTrailingZeros().toPlainString());
                m.put("average_cost", pos.averageCost().stripTrailingZeros().toPlainString());
                m.put("mark", mark == null ? null : mark.toPlainString());
                m.put(
                    "unrealized_pnl",
                    mark == null
                        ? null
                        : pos.unrealizedPnl(mark).stripTrailingZeros().toPlainString());
                positions.add(m);
              }
              List<Map<String, Object>> plans = new ArrayList<>();
              for (Plan plan : new PlanRepository().open(h, record.id(), instruments)) {
                Instrument i = plan.instrument();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("plan_id", plan.id().value());
                m.put("symbol", i.symbol());
                m.put("status", plan.status().name());
                m.put("side", plan.side().name());
                m.put(
                    "open_quantity",
                    plan.openQuantity().toBigDecimal().stripTrailingZeros().toPlainString());
                m.put("stop", plan.stop() == 0 ? null : i.price(plan.stop()).toString());
                m.put("target", plan.target() == 0 ? null : i.price(plan.target()).toString());
                m.put(
                    "trail_stop",
                    plan.trailStop() == 0 ? null : i.price(plan.trailStop()).toString());
                m.put("bot_version", plan.botVersion());
                plans.add(m);
              }
              RunRecord last = new RunRepository().latestTrading(h, record.id()).orElse(null);
              Instant lastEvent =
                  new EngineStateRepository()
                      .lastEventMs(h, record.id())
                      .filter(ms -> ms > 0)
                      .map(Instant::ofEpochMilli)
                      .orElse(null);
              String drift =
                  last == null
                      ? null
                      : new TelemetryRepository()
                          .standing(h, record.id(), last.runId(), DRIFT_HALT, DRIFT_CLEARED)
                          .orElse(null);
              return new PortfolioStatus(
                  record, p.summary(), positions, plans, last, lastEvent, drift);
            });
  }
}
