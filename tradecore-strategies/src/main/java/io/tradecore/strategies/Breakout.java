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
import java.util.Locale;
import java.util.Objects;

/**
 * Donchian-channel breakout. Long (the default {@code direction}): when a bar closes above the
 * highest high of the previous {@code channel} bars, open a plan at the market with a stop {@code
 * stopAtr} ATRs below the close and a target {@code targetAtr} ATRs above it. Short: when a bar
 * closes below the lowest low of the previous {@code channel} bars, open a plan that sells first,
 * with the stop {@code stopAtr} ATRs above the close and the target {@code targetAtr} ATRs below
 * it. {@code both} takes either breakout. A plan commits {@code cashShare} of the cash (a short
 * holds it as margin). The plan's stop and target, not the strategy, end the trade, however many
 * days that takes; an optional trailing stop of {@code trailAtr} ATRs follows the price.
 */
public final class Breakout implements Strategy {
  /** Which breakouts the strategy trades. */
  public enum Direction {
    LONG,
    SHORT,
    BOTH;

    /** The direction named {@code long}, {@code short} or {@code both}. */
    public static Direction parse(String name) {
      String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
      return switch (n) {
        case "long" -> LONG;
        case "short" -> SHORT;
        case "both" -> BOTH;
        default ->
            throw new IllegalArgumentException(
                "parameter direction must be long, short or both but was '" + name + "'");
      };
    }
  }

  private final int channel;
  private final int atrPeriod;
  private final double stopAtr;
  private final double targetAtr;
  private final double trailAtr;
  private final BigDecimal cashShare;
  private final Direction direction;
  private Donchian donchian;
  private Atr atr;

  public Breakout(
      int channel,
      int atrPeriod,
      double stopAtr,
      double targetAtr,
      double trailAtr,
      BigDecimal cashShare,
      Direction direction) {
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
    this.direction = Objects.requireNonNull(direction, "direction");
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
    Side side;
    if (direction != Direction.SHORT && close > donchian.upper()) {
      side = Side.BUY;
    } else if (direction != Direction.LONG && close < donchian.lower()) {
      side = Side.SELL;
    } else {
      return List.of();
    }
    double range = atr.value();
    long stopDistance = Math.round(stopAtr * range);
    long targetDistance = Math.round(targetAtr * range);
    long trail = Math.round(trailAtr * range);
    boolean isLong = side == Side.BUY;
    long stop = isLong ? close - stopDistance : close + stopDistance;
    long target = isLong ? close + targetDistance : close - targetDistance;
    // No plan without room between its stop and target, or with a level at or below zero.
    if (range <= 0 || stopDistance + targetDistance == 0 || (isLong ? stop : target) <= 0) {
      return List.of();
    }
    PlanSpec spec =
        new PlanSpec(
            side, new Sizing.CashShare(cashShare), 0, stop, target, trail, TimeInForce.GTC);
    return List.of(new Action.OpenPlan(spec));
  }
}
