package io.tradecore.strategies;

import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.indicator.Sma;
import io.tradecore.core.plan.PlanSpec;
import java.util.List;

/**
 * Long-only crossover of two simple moving averages of the close. A cross up happens on bar t when
 * fast > slow at t and, at the most recent earlier bar where both averages exist and differ, fast <
 * slow; a cross down is the mirror; equal averages are never a cross. A cross up opens an all-in
 * long plan at the market (filled at the next bar's open); a cross down closes it the same way.
 */
public final class SmaCross implements Strategy {
  private final int fastPeriod;
  private final int slowPeriod;
  private final List<Action> enter = List.of(new Action.OpenPlan(PlanSpec.longAllIn()));
  private Sma fast;
  private Sma slow;

  /** Sign of fast - slow at the latest bar where they differed; 0 before any. */
  private int lastSign;

  public SmaCross(int fastPeriod, int slowPeriod) {
    if (fastPeriod < 1 || slowPeriod < 1) {
      throw new IllegalArgumentException("fast and slow must be >= 1");
    }
    if (fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException(
          "fast (" + fastPeriod + ") must be shorter than slow (" + slowPeriod + ")");
    }
    this.fastPeriod = fastPeriod;
    this.slowPeriod = slowPeriod;
  }

  @Override
  public String name() {
    return "sma-cross";
  }

  @Override
  public void init(StrategySetup setup) {
    fast = setup.sma(fastPeriod);
    slow = setup.sma(slowPeriod);
  }

  @Override
  public List<Action> onBar(TradingContext context) {
    if (!slow.isReady()) {
      return List.of();
    }
    int sign = Sma.compare(fast, slow);
    if (sign == 0) {
      return List.of();
    }
    int previous = lastSign;
    lastSign = sign;
    if (sign > 0 && previous < 0 && context.openPlanCount() == 0) {
      return enter;
    }
    if (sign < 0 && previous > 0 && context.openPlanCount() > 0) {
      return List.of(new Action.ClosePlan(context.openPlans().get(0).id()));
    }
    return List.of();
  }
}
