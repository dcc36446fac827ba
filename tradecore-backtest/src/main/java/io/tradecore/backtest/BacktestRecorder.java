package io.tradecore.backtest;

import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.core.engine.PortfolioView;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Listens to a backtest's engine and keeps what the result needs: the fills, one round trip per
 * closed plan, the refusals and the metrics of the equity curve; each bar's equity point goes to a
 * sink (the list the result holds, or a writer that streams it to a file), or is not made at all
 * when there is no sink.
 */
final class BacktestRecorder implements EngineListener {
  /** The one instrument of a backtest of one series; null when there are several. */
  private final Instrument instrument;

  private final List<Fill> fills = new ArrayList<>();
  private final List<RoundTrip> trades = new ArrayList<>();
  private final List<Refusal> refusals = new ArrayList<>();
  private final Consumer<EquityPoint> curve;
  private final MetricsAccumulator metrics;
  private final Map<String, PlanFills> plans = new LinkedHashMap<>();
  private BigDecimal tradedThisBar = BigDecimal.ZERO;
  private Side lastSideThisBar;

  BacktestRecorder(
      Instrument instrument, BigDecimal startingCash, Consumer<EquityPoint> curve, int moments) {
    this.instrument = instrument;
    this.curve = curve;
    this.metrics = new MetricsAccumulator(startingCash, moments);
  }

  @Override
  public void on(EngineEvent event) {
    switch (event) {
      case EngineEvent.OrderFilled e -> onFill(e.fill());
      case EngineEvent.PlanChanged e -> onPlanChanged(e.after());
      case EngineEvent.OrderRefused e ->
          refusals.add(
              new Refusal(
                  e.time(),
                  e.order().id().value(),
                  e.order().instrument().symbol(),
                  e.order().side(),
                  e.refusal().cap(),
                  e.refusal().message()));
      case EngineEvent.EngineError e -> {
        if (e.kind().equals("strategy")) {
          throw new IllegalStateException(e.message());
        }
      }
      case EngineEvent.SignalEmitted e -> {}
      case EngineEvent.DecisionMade e -> {}
      case EngineEvent.OrderSubmitted e -> {}
      case EngineEvent.OrderAccepted e -> {}
      case EngineEvent.OrderRejected e -> {}
      case EngineEvent.OrderCancelled e -> {}
    }
  }

  private void onFill(Fill fill) {
    fills.add(fill);
    tradedThisBar = tradedThisBar.add(fill.signedQuantity());
    lastSideThisBar = fill.side();
    if (fill.planId() != null) {
      plans
          .computeIfAbsent(
              fill.planId().value(),
              id -> new PlanFills(id, fill.instrument().symbol(), fill.side(), priceScale(fill)))
          .add(fill);
    }
  }

  private void onPlanChanged(Plan after) {
    String id = after.id().value();
    if (after.status() == PlanStatus.PENDING && !plans.containsKey(id)) {
      plans.put(
          id,
          new PlanFills(
              id, after.instrument().symbol(), after.side(), after.instrument().priceScale()));
    } else if (after.status() == PlanStatus.CLOSED) {
      PlanFills closed = plans.remove(id);
      if (closed != null) {
        trades.add(closed.roundTrip(after.exitReason()));
      }
    } else if (after.status() == PlanStatus.CANCELLED) {
      plans.remove(id);
    }
  }

  @Override
  public void onMomentClosed(Moment moment, PortfolioView portfolio) {
    if (curve == null) { // nobody wants the points: the metrics alone, from the equity in units
      long units = portfolio.equityUnits();
      if (units != Decimals.NO_UNITS) {
        metrics.add(moment.time(), units, portfolio.equityScale());
      } else {
        metrics.add(moment.time(), portfolio.equity());
      }
      if (lastSideThisBar != null) {
        tradedThisBar = BigDecimal.ZERO;
        lastSideThisBar = null;
      }
      return;
    }
    BarAction action =
        lastSideThisBar == null
            ? BarAction.HOLD
            : switch (tradedThisBar.signum()) {
              case 1 -> BarAction.BUY;
              case -1 -> BarAction.SELL;
              default -> lastSideThisBar == Side.BUY ? BarAction.BUY : BarAction.SELL;
            };
    BigDecimal equity = portfolio.equity();
    metrics.add(moment.time(), equity);
    curve.accept(
        new EquityPoint(
            moment.time(),
            instrument == null ? null : moment.bars().getFirst().closePrice().toBigDecimal(),
            portfolio.cash(),
            instrument == null ? null : portfolio.position(instrument.symbol()),
            equity,
            action));
    tradedThisBar = BigDecimal.ZERO;
    lastSideThisBar = null;
  }

  List<Fill> fills() {
    return fills;
  }

  List<RoundTrip> trades() {
    return trades;
  }

  List<Refusal> refusals() {
    return refusals;
  }

  MetricsAccumulator metrics() {
    return metrics;
  }

  /** The plans still holding something, each marked to its symbol's last close. */
  List<OpenPosition> openPositions(Map<String, BigDecimal> marks) {
    List<OpenPosition> out = new ArrayList<>();
    for (PlanFills p : plans.values()) {
      if (p.holds()) {
        out.add(p.openPosition(marks.get(p.symbol())));
      }
    }
    return out;
  }

  private static int priceScale(Fill fill) {
    return fill.instrument().priceScale();
  }
}
