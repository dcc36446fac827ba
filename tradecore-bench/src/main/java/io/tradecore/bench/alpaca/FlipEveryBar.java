package io.tradecore.bench.alpaca;

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
 * Sends an order on every bar: while flat with no plan, a plan buying {@code quantity} shares at
 * the market (no stop, no target); while holding its filled entry, a close of that plan (a market
 * sell). A plan whose entry has not filled yet gets nothing.
 */
final class FlipEveryBar implements Strategy {
  private final long quantity;

  FlipEveryBar(long quantity) {
    this.quantity = quantity;
  }

  @Override
  public String name() {
    return "flip-every-bar";
  }

  @Override
  public void init(StrategySetup setup) {}

  @Override
  public List<Action> onBar(TradingContext context) {
    boolean holding = context.portfolio().position(context.instrument().symbol()).signum() != 0;
    if (!context.openPlans().isEmpty()) {
      return holding
          ? List.of(new Action.ClosePlan(context.openPlans().getFirst().id()))
          : List.of();
    }
    if (holding) {
      return List.of();
    }
    return List.of(
        new Action.OpenPlan(
            new PlanSpec(
                Side.BUY,
                new Sizing.Fixed(new Quantity(quantity, 0)),
                0,
                0,
                0,
                0,
                TimeInForce.GTC)));
  }
}
