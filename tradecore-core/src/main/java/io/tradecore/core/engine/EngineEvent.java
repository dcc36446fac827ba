package io.tradecore.core.engine;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.plan.ExitReason;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.risk.RiskRefusal;
import java.time.Instant;

/**
 * What the engine did, in order: the record a test asserts and a store persists. {@code time} is
 * when it happened in market time (the price event's time); {@code seenAt} is the engine clock's
 * reading when it was recorded.
 */
public sealed interface EngineEvent {
  Instant time();

  Instant seenAt();

  /** A strategy asked for something other than holding. */
  record SignalEmitted(Instant time, Instant seenAt, Instrument instrument, Action action)
      implements EngineEvent {}

  /** An order went to the exchange; {@code exitReason} is null for a plan's entry. */
  record OrderSubmitted(Instant time, Instant seenAt, Order order, ExitReason exitReason)
      implements EngineEvent {}

  /** Risk refused an order; it never reached the exchange. */
  record OrderRefused(Instant time, Instant seenAt, Order order, RiskRefusal refusal)
      implements EngineEvent {}

  /** An order stopped working unfilled or part-filled: cancelled by us or expired. */
  record OrderCancelled(Instant time, Instant seenAt, Order order, String reason)
      implements EngineEvent {}

  /** The exchange filled (part of) an order and the ledger applied it. */
  record OrderFilled(Instant time, Instant seenAt, Fill fill) implements EngineEvent {}

  /** A plan was created or changed; {@code before} is null for a new plan. */
  record PlanChanged(Instant time, Instant seenAt, Plan before, Plan after, String reason)
      implements EngineEvent {}
}
