package io.tradecore.core.plan;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import java.time.Instant;
import java.util.Objects;

/**
 * A trading intent and its state: enter {@code side} in {@code instrument}, protect it with a stop,
 * take profit at a target, optionally trail the stop. Prices are units at the instrument's price
 * scale; 0 means "not set" for stop, target, trail and limit entry. Every change produces a new
 * record. Immutable and thread-safe.
 *
 * @param side BUY for a long plan, SELL for a short one
 * @param entryLimit the entry limit price, or 0 for a market entry
 * @param trailDistance distance of the trailing stop from the best price since entry, or 0
 * @param trailStop the current trailing stop level, or 0 before it has one
 * @param filled quantity entered so far
 * @param exited quantity exited so far
 */
public record Plan(
    PlanId id,
    Instrument instrument,
    Side side,
    Sizing sizing,
    long entryLimit,
    long stop,
    long target,
    long trailDistance,
    long trailStop,
    TimeInForce timeInForce,
    PlanStatus status,
    Quantity filled,
    Quantity exited,
    ExitReason exitReason,
    Instant createdAt,
    Instant updatedAt,
    String botVersion) {

  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(timeInForce, "timeInForce");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filled, "filled");
    Objects.requireNonNull(exited, "exited");
    if (entryLimit < 0 || stop < 0 || target < 0 || trailDistance < 0 || trailStop < 0) {
      throw new IllegalArgumentException("plan " + id + " has a negative price");
    }
  }

  /** A new PENDING plan. */
  public static Plan pending(
      PlanId id, PlanSpec spec, Instrument instrument, Instant at, String botVersion) {
    Quantity zero = Quantity.zero(instrument.quantityScale());
    return new Plan(
        id,
        instrument,
        spec.side(),
        spec.sizing(),
        spec.entryLimit(),
        spec.stop(),
        spec.target(),
        spec.trailDistance(),
        0,
        spec.timeInForce(),
        PlanStatus.PENDING,
        zero,
        zero,
        null,
        at,
        at,
        botVersion);
  }

  /** The quantity held by this plan now. */
  public Quantity openQuantity() {
    return filled.minus(exited);
  }

  /** The stop that protects the position now: the tighter of the stop and the trailing stop. */
  public long effectiveStop() {
    if (trailStop == 0) {
      return stop;
    }
    if (stop == 0) {
      return trailStop;
    }
    return side == Side.BUY ? Math.max(stop, trailStop) : Math.min(stop, trailStop);
  }

  public Plan withStatus(PlanStatus newStatus, Instant at) {
    return new Plan(
        id,
        instrument,
        side,
        sizing,
        entryLimit,
        stop,
        target,
        trailDistance,
        trailStop,
        timeInForce,
        newStatus,
        filled,
        exited,
        exitReason,
        createdAt,
        at,
        botVersion);
  }

  public Plan withLevels(long newStop, long newTarget, long newTrailDistance, Instant at) {
    return new Plan(
        id,
        instrument,
        side,
        sizing,
        entryLimit,
        newStop,
        newTarget,
        newTrailDistance,
        trailStop,
        timeInForce,
        status,
        filled,
        exited,
        exitReason,
        createdAt,
        at,
        botVersion);
  }

  public Plan withTrailStop(long newTrailStop, Instant at) {
    return new Plan(
        id,
        instrument,
        side,
        sizing,
        entryLimit,
        stop,
        target,
        trailDistance,
        newTrailStop,
        timeInForce,
        status,
        filled,
        exited,
        exitReason,
        createdAt,
        at,
        botVersion);
  }

  public Plan withFills(Quantity newFilled, Quantity newExited, Instant at) {
    return new Plan(
        id,
        instrument,
        side,
        sizing,
        entryLimit,
        stop,
        target,
        trailDistance,
        trailStop,
        timeInForce,
        status,
        newFilled,
        newExited,
        exitReason,
        createdAt,
        at,
        botVersion);
  }

  public Plan withExitReason(ExitReason reason, Instant at) {
    return new Plan(
        id,
        instrument,
        side,
        sizing,
        entryLimit,
        stop,
        target,
        trailDistance,
        trailStop,
        timeInForce,
        status,
        filled,
        exited,
        reason,
        createdAt,
        at,
        botVersion);
  }
}
