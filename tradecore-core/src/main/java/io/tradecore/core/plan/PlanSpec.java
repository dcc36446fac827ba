package io.tradecore.core.plan;

import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import java.util.Objects;

/**
 * What a strategy asks for when it opens a plan; prices are units at the instrument's price scale,
 * 0 meaning "not set". Immutable and thread-safe.
 */
public record PlanSpec(
    Side side,
    Sizing sizing,
    long entryLimit,
    long stop,
    long target,
    long trailDistance,
    TimeInForce timeInForce) {

  public PlanSpec {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(timeInForce, "timeInForce");
    if (entryLimit < 0 || stop < 0 || target < 0 || trailDistance < 0) {
      throw new IllegalArgumentException("plan prices must be >= 0");
    }
    if (sizing instanceof Sizing.CashShare && side == Side.SELL) {
      throw new IllegalArgumentException("a short plan needs a fixed quantity");
    }
  }

  /** A long plan entered at the market with everything it can buy, no stop or target. */
  public static PlanSpec longAllIn() {
    return new PlanSpec(Side.BUY, Sizing.allIn(), 0, 0, 0, 0, TimeInForce.GTC);
  }

  public PlanSpec withStop(long newStop) {
    return new PlanSpec(side, sizing, entryLimit, newStop, target, trailDistance, timeInForce);
  }

  public PlanSpec withTarget(long newTarget) {
    return new PlanSpec(side, sizing, entryLimit, stop, newTarget, trailDistance, timeInForce);
  }

  public PlanSpec withTrail(long distance) {
    return new PlanSpec(side, sizing, entryLimit, stop, target, distance, timeInForce);
  }
}
