package io.tradecore.core.engine;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.plan.PlanSpec;

/** What a strategy asks the engine to do; holding is returning no action. */
public sealed interface Action {
  /** Open a new plan on the bar's instrument. */
  record OpenPlan(PlanSpec spec) implements Action {}

  /** Move an open plan's stop, target or trailing distance (units; 0 removes one). */
  record AdjustPlan(PlanId planId, long stop, long target, long trailDistance) implements Action {}

  /** Close a plan: exit what it holds at the market and withdraw what has not filled. */
  record ClosePlan(PlanId planId) implements Action {}

  /** Withdraw a plan's unfilled entry; a plan that holds nothing becomes CANCELLED. */
  record CancelPlan(PlanId planId) implements Action {}
}
