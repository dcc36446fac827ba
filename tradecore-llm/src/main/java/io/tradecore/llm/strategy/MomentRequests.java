package io.tradecore.llm.strategy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.engine.MomentContext;
import io.tradecore.core.engine.PortfolioView;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.core.plan.Sizing;
import io.tradecore.llm.request.AllowanceCalculator;
import io.tradecore.llm.request.AllowedActions;
import io.tradecore.llm.request.BarLine;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.InstrumentAllowance;
import io.tradecore.llm.request.InstrumentContext;
import io.tradecore.llm.request.PlanLine;
import io.tradecore.llm.request.PortfolioBlock;
import io.tradecore.llm.request.PositionLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link DecisionRequest} of a moment from what the engine shows the strategy: the
 * portfolio's aggregates and model spend, its positions and open plans, each instrument's recent
 * bars (kept here, as the strategy sees them) and the allowed actions. Runs on the engine's thread;
 * not thread-safe.
 */
final class MomentRequests {
  /** Enough bars for every indicator (the 50-bar average, the 20-bar return). */
  private static final int KEPT = 60;

  private final LlmSetup setup;
  private final AllowanceCalculator allowances;
  private final Map<String, Deque<BarLine>> history = new HashMap<>();

  MomentRequests(LlmSetup setup) {
    this.setup = setup;
    this.allowances = new AllowanceCalculator(setup.limits(), setup.feeMargin());
  }

  /** Keeps the moment's bars. */
  void remember(MomentContext context) {
    for (Bar bar : context.bars()) {
      Instrument i = bar.instrument();
      Deque<BarLine> bars = history.computeIfAbsent(i.symbol(), s -> new ArrayDeque<>());
      bars.addLast(
          new BarLine(
              bar.time(),
              Decimals.toDecimal(bar.open(), i.priceScale()),
              Decimals.toDecimal(bar.high(), i.priceScale()),
              Decimals.toDecimal(bar.low(), i.priceScale()),
              Decimals.toDecimal(bar.close(), i.priceScale()),
              BigDecimal.valueOf(bar.volume()).stripTrailingZeros()));
      if (bars.size() > KEPT) {
        bars.removeFirst();
      }
    }
  }

  /** The trading day of {@code moment}: a daily bar's own date, else its date in the zone. */
  LocalDate dayOf(Instant moment) {
    if (moment.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return moment.atOffset(ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.ofInstant(moment, setup.zone());
  }

  DecisionRequest request(MomentContext context, Map<String, BigDecimal> spentByVersion) {
    PortfolioView view = context.portfolio();
    LedgerSummary summary = view.summary();
    List<PositionLine> positions = new ArrayList<>();
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO;
    Map<String, BigDecimal> held = new HashMap<>();
    for (Position p : view.positions()) {
      String symbol = p.instrument().symbol();
      BigDecimal mark = view.mark(symbol);
      if (mark == null) {
        mark = p.averageCost();
      }
      BigDecimal value = p.marketValue(mark);
      gross = gross.add(value.abs());
      net = net.add(value);
      held.put(symbol, value.abs());
      positions.add(
          new PositionLine(
              symbol, p.quantity(), p.averageCost(), mark, value, p.unrealizedPnl(mark)));
    }
    BigDecimal otherCosts =
        spentByVersion.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<PortfolioBlock.VersionSlice> versions = new ArrayList<>();
    view.summaryByVersion()
        .forEach(
            (version, s) ->
                versions.add(
                    new PortfolioBlock.VersionSlice(
                        version,
                        s.realizedPnl(),
                        s.unrealizedPnl(),
                        s.fees(),
                        spentByVersion.getOrDefault(version, BigDecimal.ZERO))));
    spentByVersion.forEach(
        (version, spent) -> {
          if (!view.summaryByVersion().containsKey(version)) {
            versions.add(
                new PortfolioBlock.VersionSlice(
                    version, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, spent));
          }
        });
    PortfolioBlock block =
        new PortfolioBlock(
            summary.equity(),
            summary.cash(),
            summary.realizedPnl(),
            summary.unrealizedPnl(),
            summary.totalPnl().subtract(otherCosts),
            gross,
            net,
            summary.fees(),
            otherCosts,
            versions);

    List<InstrumentContext> instruments = new ArrayList<>();
    List<InstrumentAllowance> allowed = new ArrayList<>();
    BigDecimal cash = view.availableCash();
    int openPositions = positions.size();
    for (Instrument i : context.instruments()) {
      Deque<BarLine> bars = history.get(i.symbol());
      if (bars == null || bars.isEmpty()) {
        continue;
      }
      InstrumentContext ic =
          InstrumentContext.of(
              i.symbol(),
              i.currency(),
              i.priceScale(),
              i.quantityScale(),
              List.copyOf(bars),
              setup.barsShown());
      instruments.add(ic);
      // Working entries count as if filled, as the risk check counts them.
      BigDecimal positionValue = held.getOrDefault(i.symbol(), BigDecimal.ZERO);
      for (Plan plan : view.openPlans(i)) {
        if (plan.status() == PlanStatus.PENDING) {
          positionValue = positionValue.add(quantity(plan).multiply(ic.lastPrice()).abs());
        }
      }
      allowed.add(
          allowances.allowance(
              i.symbol(),
              ic.lastPrice(),
              i.quantityScale(),
              new AllowanceCalculator.Exposure(cash, gross, openPositions, positionValue),
              setup.shortingAllowed()));
    }
    List<PlanLine> plans = new ArrayList<>();
    List<io.tradecore.core.domain.PlanId> ids = new ArrayList<>();
    for (Plan plan : view.openPlans()) {
      int scale = plan.instrument().priceScale();
      plans.add(
          new PlanLine(
              plan.id(),
              plan.instrument().symbol(),
              plan.side(),
              plan.status().name(),
              quantity(plan),
              level(plan.entryLimit(), scale),
              level(plan.stop(), scale),
              level(plan.target(), scale),
              level(plan.trailDistance(), scale)));
      ids.add(plan.id());
    }
    BigDecimal buyingPower =
        cash.max(BigDecimal.ZERO)
            .divide(BigDecimal.ONE.add(setup.feeMargin()), 2, RoundingMode.DOWN);
    Instant moment = context.time();
    return new DecisionRequest(
        setup.portfolioId(),
        setup.runId(),
        setup.botVersion(),
        moment,
        dayOf(moment),
        setup.baseCurrency(),
        block,
        positions,
        plans,
        instruments,
        new AllowedActions(allowed, buyingPower, ids, ids));
  }

  /** What a plan holds once active, or asks for while pending (0 when sized by cash). */
  private static BigDecimal quantity(Plan plan) {
    if (plan.status() == PlanStatus.ACTIVE) {
      return plan.openQuantity().toBigDecimal();
    }
    return plan.sizing() instanceof Sizing.Fixed fixed
        ? fixed.quantity().toBigDecimal()
        : BigDecimal.ZERO;
  }

  private static BigDecimal level(long units, int scale) {
    return units == 0 ? null : Decimals.toDecimal(units, scale);
  }
}
