package io.tradecore.core.engine;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.plan.PlanSpec;
import java.util.Objects;

/** What a strategy asks the engine to do; holding is returning no action. */
public sealed interface Action {
  /**
   * Open a new plan on {@code instrument}. A strategy of one instrument may leave the instrument
   * out ({@link #OpenPlan(PlanSpec)}): the plan is then on the instrument it trades.
   */
  record OpenPlan(Instrument instrument, PlanSpec spec) implements Action {
    public OpenPlan {
      Objects.requireNonNull(spec, "spec");
    }

    /** A plan on the instrument of the strategy that asks for it. */
    public OpenPlan(PlanSpec spec) {
      this(null, spec);
    }

    /** This action on {@code on}, when it names no instrument of its own. */
    public OpenPlan on(Instrument on) {
      return instrument != null ? this : new OpenPlan(on, spec);
    }
  }

  /** Move an open plan's stop, target or trailing distance (units; 0 removes one). */
  record AdjustPlan(PlanId planId, long stop, long target, long trailDistance) implements Action {}

  /** Close a plan: exit what it holds at the market and withdraw what has not filled. */
  record ClosePlan(PlanId planId) implements Action {}

  /** Withdraw a plan's unfilled entry; a plan that holds nothing becomes CANCELLED. */
  record CancelPlan(PlanId planId) implements Action {}
}
