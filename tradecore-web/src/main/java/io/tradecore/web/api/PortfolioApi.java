package io.tradecore.web.api;

import io.javalin.http.Context;
import io.tradecore.core.ledger.Position;
import io.tradecore.runner.PortfolioStatus;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.RunRepository;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.store.query.PlanQueries;
import io.tradecore.store.query.RunnerPresence;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.ledger.LedgerCache;
import io.tradecore.web.ledger.LedgerState;
import io.tradecore.web.view.PortfolioView;
import io.tradecore.web.view.PositionView;
import io.tradecore.web.view.RunView;
import io.tradecore.web.view.SummaryView;
import io.tradecore.web.view.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio list, one portfolio with its summary (and per bot_version) and who trades it, and
 * positions.
 */
public final class PortfolioApi {
  private final Database db;
  private final PortfolioLookup lookup;
  private final LedgerCache ledgers;
  private final LlmTraceRepository llm = new LlmTraceRepository();
  private final PortfolioRepository portfolios = new PortfolioRepository();
  private final RunRepository runs = new RunRepository();
  private final EngineStateRepository engineState = new EngineStateRepository();
  private final PlanQueries plans = new PlanQueries();

  private final Clock clock;
  private final Duration lease;

  /**
   * @param clock the time leases are judged live at
   * @param lease how long a runner's lease lasts unless renewed
   */
  public PortfolioApi(
      Database db, PortfolioLookup lookup, LedgerCache ledgers, Clock clock, Duration lease) {
    this.db = db;
    this.lookup = lookup;
    this.ledgers = ledgers;
    this.clock = clock;
    this.lease = lease;
  }

  /** GET /api/portfolios */
  public void list(Context ctx) {
    List<PortfolioView> all =
        db.jdbi().withHandle(portfolios::all).stream().map(PortfolioView::of).toList();
    ctx.json(Map.of("portfolios", all));
  }

  /** GET /api/portfolios/{name} */
  public void get(Context ctx) {
    PortfolioRecord record = lookup.find(ctx);
    Map<String, Object> body =
        db.jdbi()
            .withHandle(
                h -> {
                  LedgerState state = ledgers.current(h, record);
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("portfolio", PortfolioView.of(record));
                  Map<String, BigDecimal> spent = llm.spentByVersion(h, record.id());
                  BigDecimal otherCosts =
                      spent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                  SummaryView summary = SummaryView.of(null, state.summary(), otherCosts);
                  out.put("summary", summary);
                  out.put("total_return", totalReturn(record, summary.totalPnl()));
                  List<SummaryView> versions = new ArrayList<>();
                  state
                      .byVersion()
                      .forEach(
                          (v, s) ->
                              versions.add(
                                  SummaryView.of(v, s, spent.getOrDefault(v, BigDecimal.ZERO))));
                  out.put("by_bot_version", versions);
                  out.put(
                      "open_plans",
                      plans.withStatus(h, record.id(), List.of("PENDING", "ACTIVE")).size());
                  out.put("marks", state.marks());
                  out.put(
                      "last_event",
                      engineState
                          .lastEventMs(h, record.id())
                          .filter(ms -> ms > 0)
                          .map(Instant::ofEpochMilli)
                          .map(Times::iso)
                          .orElse(null));
                  out.put(
                      "last_run", runs.latestTrading(h, record.id()).map(RunView::of).orElse(null));
                  out.put(
                      "drift",
                      runs.latestTrading(h, record.id())
                          .flatMap(
                              r ->
                                  new TelemetryRepository()
                                      .standing(
                                          h,
                                          record.id(),
                                          r.runId(),
                                          PortfolioStatus.DRIFT_HALT,
                                          PortfolioStatus.DRIFT_CLEARED))
                          .orElse(null));
                  out.put(
                      "runner", RunnerPresence.of(h, record.id(), clock.instant(), lease).json());
                  return out;
                });
    ctx.json(body);
  }

  /** GET /api/portfolios/{name}/positions */
  public void positions(Context ctx) {
    PortfolioRecord record = lookup.find(ctx);
    LedgerState state = db.jdbi().withHandle(h -> ledgers.current(h, record));
    List<PositionView> out = new ArrayList<>();
    for (Position p : state.positions()) {
      out.add(PositionView.of(p, state.marks().get(p.instrument().symbol())));
    }
    ctx.json(Map.of("positions", out));
  }

  private static BigDecimal totalReturn(PortfolioRecord record, BigDecimal totalPnl) {
    if (record.startingCash().signum() == 0) {
      return null;
    }
    return totalPnl.divide(record.startingCash(), 8, RoundingMode.HALF_EVEN);
  }
}
