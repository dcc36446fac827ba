package io.tradecore.core.engine;

import io.tradecore.core.domain.CancelReason;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.risk.RiskRefusal;
import java.time.Instant;
import java.util.List;

/**
 * What the engine did, in order: the record a test asserts and a store persists. {@code time} is
 * when it happened in market time (the price event's time, or the venue's time for a report);
 * {@code seenAt} is the engine clock's reading when it was recorded.
 */
public sealed interface EngineEvent {
  Instant time();

  Instant seenAt();

  /**
   * The strategy answered a moment: its actions, possibly none. {@code replayed} is true when the
   * answer came from the decision journal rather than from asking the strategy.
   */
  record DecisionMade(
      Instant time, Instant seenAt, String strategy, List<Action> actions, boolean replayed)
      implements EngineEvent {
    public DecisionMade {
      actions = List.copyOf(actions);
    }
  }

  /** A strategy asked for something other than holding. */
  record SignalEmitted(Instant time, Instant seenAt, Instrument instrument, Action action)
      implements EngineEvent {}

  /** An order went to the venue; {@code exitReason} is null for a plan's entry. */
  record OrderSubmitted(Instant time, Instant seenAt, Order order, ExitReason exitReason)
      implements EngineEvent {}

  /** The venue took the order; {@code venueOrderId} is its own id for it, or null. */
  record OrderAccepted(Instant time, Instant seenAt, Order order, String venueOrderId)
      implements EngineEvent {}

  /** The venue refused the order. */
  record OrderRejected(Instant time, Instant seenAt, Order order, String reason)
      implements EngineEvent {}

  /** Risk refused an order; it never reached the venue. */
  record OrderRefused(Instant time, Instant seenAt, Order order, RiskRefusal refusal)
      implements EngineEvent {}

  /** An order stopped working unfilled or part-filled: cancelled by us or the venue, or expired. */
  record OrderCancelled(Instant time, Instant seenAt, Order order, CancelReason reason)
      implements EngineEvent {}

  /**
   * The venue filled (part of) an order and the ledger applied it; {@code orderDone} when nothing
   * of the order is working any more.
   */
  record OrderFilled(Instant time, Instant seenAt, Fill fill, boolean orderDone)
      implements EngineEvent {}

  /** A plan was created or changed; {@code before} is null for a new plan. */
  record PlanChanged(Instant time, Instant seenAt, Plan before, Plan after, String reason)
      implements EngineEvent {}

  /**
   * Something went wrong that the run survives (a strategy that threw, a venue that refused an
   * order); counted as an error of its trading day.
   */
  record EngineError(Instant time, Instant seenAt, String kind, String message)
      implements EngineEvent {}
}
