package io.tradecore.strategies;

import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.indicator.Atr;
import io.tradecore.core.indicator.Donchian;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import java.math.BigDecimal;
import java.util.List;

/**
 * Donchian-channel breakout, long only: when a bar closes above the highest high of the previous
 * {@code channel} bars, open a plan at the market with a stop {@code stopAtr} ATRs below the close
 * and a target {@code targetAtr} ATRs above it, sized to spend {@code cashShare} of the cash. The
 * plan's stop and target, not the strategy, end the trade, however many days that takes; an
 * optional trailing stop of {@code trailAtr} ATRs follows the price.
 */
public final class Breakout implements Strategy {
  private final int channel;
  private final int atrPeriod;
  private final double stopAtr;
  private final double targetAtr;
  private final double trailAtr;
  private final BigDecimal cashShare;
  private Donchian donchian;
  private Atr atr;

  public Breakout(
      int channel,
      int atrPeriod,
      double stopAtr,
      double targetAtr,
      double trailAtr,
      BigDecimal cashShare) {
    if (channel < 2 || atrPeriod < 1) {
      throw new IllegalArgumentException("channel must be >= 2 and atr >= 1");
    }
    if (!(stopAtr > 0) || !(targetAtr > 0) || !(trailAtr >= 0)) {
      throw new IllegalArgumentException("stop and target ATR multiples must be > 0, trail >= 0");
    }
    this.channel = channel;
    this.atrPeriod = atrPeriod;
    this.stopAtr = stopAtr;
    this.targetAtr = targetAtr;
    this.trailAtr = trailAtr;
    this.cashShare = cashShare;
  }

  @Override
  public String name() {
    return "breakout";
  }

  @Override
  public void init(StrategySetup setup) {
    donchian = setup.donchian(channel);
    atr = setup.atr(atrPeriod);
  }

  @Override
  public List<Action> onBar(TradingContext context) {
    if (!donchian.isReady() || !atr.isReady() || context.openPlanCount() > 0) {
      return List.of();
    }
    long close = context.bar().close();
    if (close <= donchian.upper()) {
      return List.of();
    }
    double range = atr.value();
    long stop = close - Math.round(stopAtr * range);
    long target = close + Math.round(targetAtr * range);
    long trail = Math.round(trailAtr * range);
    if (stop <= 0 || range <= 0) {
      return List.of();
    }
    PlanSpec spec =
        new PlanSpec(
            Side.BUY, new Sizing.CashShare(cashShare), 0, stop, target, trail, TimeInForce.GTC);
    return List.of(new Action.OpenPlan(spec));
  }
}
