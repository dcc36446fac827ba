package io.tradecore.core.plan;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.OrderType;
import io.tradecore.core.domain.Side;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks an active plan's stop, target and trailing stop against each price event (a bar, or a tick
 * as a bar whose four prices are equal).
 *
 * <p>Bar semantics, for a long plan (a short one is the mirror):
 *
 * <ul>
 *   <li>The open comes first. A bar that opens at or below the stop exits at the open (a gap), not
 *       at the stop; one that opens at or above the target exits at the open too.
 *   <li>Otherwise the stop is touched when the low reaches it and the target when the high does.
 *   <li>When one bar touches both, the {@link SameBarPolicy} decides; the default assumes the stop
 *       came first.
 *   <li>A trailing stop follows the best price seen, but a bar's own extreme moves it only after
 *       the bar has been checked: the bar cannot tell whether its high came before its low.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class PlanMonitor {
  private final SameBarPolicy policy;

  public PlanMonitor(SameBarPolicy policy) {
    this.policy = policy;
  }

  /** The exit this bar triggers for an ACTIVE plan, if any. */
  public Optional<ExitSignal> check(Plan plan, Bar bar) {
    if (plan.status() != PlanStatus.ACTIVE) {
      return Optional.empty();
    }
    boolean isLong = plan.side() == Side.BUY;
    long stop = plan.effectiveStop();
    long target = plan.target();
    ExitReason stopReason =
        stop == plan.trailStop() && plan.trailStop() != 0 && stop != plan.stop()
            ? ExitReason.TRAILING_STOP
            : ExitReason.STOP;
    // Gaps: the open is the first price of the bar.
    if (stop != 0 && (isLong ? bar.open() <= stop : bar.open() >= stop)) {
      return stopAt(stopReason, stop);
    }
    if (target != 0 && (isLong ? bar.open() >= target : bar.open() <= target)) {
      return targetAt(target);
    }
    boolean stopTouched = stop != 0 && (isLong ? bar.low() <= stop : bar.high() >= stop);
    boolean targetTouched = target != 0 && (isLong ? bar.high() >= target : bar.low() <= target);
    if (stopTouched && targetTouched) {
      return policy == SameBarPolicy.STOP_FIRST ? stopAt(stopReason, stop) : targetAt(target);
    }
    if (stopTouched) {
      return stopAt(stopReason, stop);
    }
    if (targetTouched) {
      return targetAt(target);
    }
    return Optional.empty();
  }

  /** The plan with its trailing stop moved by this bar's best price, or the same plan. */
  public Plan trail(Plan plan, Bar bar) {
    if (plan.status() != PlanStatus.ACTIVE || plan.trailDistance() == 0) {
      return plan;
    }
    boolean isLong = plan.side() == Side.BUY;
    long candidate = isLong ? bar.high() - plan.trailDistance() : bar.low() + plan.trailDistance();
    return moveTrail(plan, candidate, bar.time());
  }

  /** The plan with its first trailing stop set from the entry price. */
  public Plan startTrail(Plan plan, long entryPrice, Instant at) {
    if (plan.trailDistance() == 0) {
      return plan;
    }
    boolean isLong = plan.side() == Side.BUY;
    long candidate = isLong ? entryPrice - plan.trailDistance() : entryPrice + plan.trailDistance();
    return moveTrail(plan, candidate, at);
  }

  private static Plan moveTrail(Plan plan, long candidate, Instant at) {
    if (candidate <= 0) {
      return plan;
    }
    boolean isLong = plan.side() == Side.BUY;
    long current = plan.trailStop();
    boolean better = current == 0 || (isLong ? candidate > current : candidate < current);
    return better ? plan.withTrailStop(candidate, at) : plan;
  }

  private static Optional<ExitSignal> stopAt(ExitReason reason, long level) {
    return Optional.of(new ExitSignal(reason, OrderType.STOP, level));
  }

  private static Optional<ExitSignal> targetAt(long level) {
    return Optional.of(new ExitSignal(ExitReason.TARGET, OrderType.LIMIT, level));
  }
}
