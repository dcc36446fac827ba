package io.tradecore.core.plan;

import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import java.util.Objects;

/**
 * What a strategy asks for when it opens a plan; prices are units at the instrument's price scale,
 * 0 meaning "not set". A BUY plan is long: its stop lies below the entry and its target above. A
 * SELL plan is short (it sells first and buys back to exit): its stop lies above the entry and its
 * target below. The levels are checked against each other and against a limit entry; a market
 * entry's price is not known yet. Immutable and thread-safe.
 */
public record PlanSpec(
    Side side,
    Sizing sizing,
    long entryLimit,
    long stop,
    long target,
    long trailDistance,
    TimeInForce timeInForce) {

  private static final String UNITS = " (price units)";

  public PlanSpec {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(timeInForce, "timeInForce");
    if (entryLimit < 0 || stop < 0 || target < 0 || trailDistance < 0) {
      throw new IllegalArgumentException("plan prices must be >= 0");
    }
    checkLevels(side, entryLimit, stop, target);
  }

  /**
   * Refuses levels on the wrong side: a long plan needs stop &lt; entry limit &lt; target, a short
   * one stop &gt; entry limit &gt; target (each where set, 0 meaning not set).
   *
   * @throws IllegalArgumentException naming the levels that are on the wrong side
   */
  public static void checkLevels(Side side, long entryLimit, long stop, long target) {
    boolean isLong = side == Side.BUY;
    String plan = isLong ? "a long plan's " : "a short plan's ";
    String below = " must be below ";
    String above = " must be above ";
    if (stop != 0 && target != 0 && (isLong ? stop >= target : stop <= target)) {
      throw new IllegalArgumentException(
          plan + "stop " + stop + (isLong ? below : above) + "its target " + target + UNITS);
    }
    if (entryLimit != 0 && stop != 0 && (isLong ? stop >= entryLimit : stop <= entryLimit)) {
      throw new IllegalArgumentException(
          plan
              + "stop "
              + stop
              + (isLong ? below : above)
              + "its entry limit "
              + entryLimit
              + UNITS);
    }
    if (entryLimit != 0 && target != 0 && (isLong ? target <= entryLimit : target >= entryLimit)) {
      throw new IllegalArgumentException(
          plan
              + "target "
              + target
              + (isLong ? above : below)
              + "its entry limit "
              + entryLimit
              + UNITS);
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
