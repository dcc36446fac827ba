package io.tradecore.runner.alpaca;

import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.engine.StrategySetup;
import io.tradecore.core.engine.TradingContext;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import java.util.List;

/**
 * Opens one plan on a bar that closes at exactly the trigger price while the portfolio holds
 * nothing and has no plan: a buy of {@code quantity} shares (at market, or at {@code limit}), stop
 * 170.00 and target 190.00, trailing by {@code trail} if set. Bars at other prices do nothing, so a
 * restarted run opens no second plan; a bar closing at exactly {@link #CLOSE} closes the plan.
 */
final class BuyOnce implements Strategy {
  static final long TRIGGER = 1_800_000; // 180.0000
  static final long STOP = 1_700_000;
  static final long TARGET = 1_900_000;
  static final long CLOSE = 1_850_000;

  private final long quantity;
  private final long limit;
  private final long trail;

  BuyOnce(long quantity, long limit) {
    this(quantity, limit, 0);
  }

  BuyOnce(long quantity, long limit, long trail) {
    this.quantity = quantity;
    this.limit = limit;
    this.trail = trail;
  }

  @Override
  public String name() {
    return "buy-once";
  }

  @Override
  public void init(StrategySetup setup) {}

  @Override
  public List<Action> onBar(TradingContext context) {
    if (context.bar().close() == CLOSE && !context.openPlans().isEmpty()) {
      return List.of(new Action.ClosePlan(context.openPlans().getFirst().id()));
    }
    if (context.bar().close() != TRIGGER
        || context.openPlanCount() > 0
        || context.portfolio().position(context.instrument().symbol()).signum() != 0) {
      return List.of();
    }
    return List.of(
        new Action.OpenPlan(
            new PlanSpec(
                Side.BUY,
                new Sizing.Fixed(new Quantity(quantity, 0)),
                limit,
                STOP,
                TARGET,
                trail,
                TimeInForce.GTC)));
  }
}
