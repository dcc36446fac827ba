package io.tradecore.strategies;

import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.strategy.api.Param;
import io.tradecore.strategy.api.Parameters;
import io.tradecore.strategy.api.Params;
import io.tradecore.strategy.api.StrategyProvider;
import java.util.function.Supplier;

/** {@code --strategy momentum-rotation}: {@link MomentumRotation}, a portfolio strategy. */
public final class MomentumRotationProvider implements StrategyProvider {
  @Override
  public String name() {
    return "momentum-rotation";
  }

  @Override
  public String description() {
    return "Holds the instruments with the best trailing return, rebalancing periodically.";
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(
        Param.integer("top", 1, "How many instruments to hold.").min("1"),
        Param.integer("lookback", 60, "Bars of the trailing return.").min("1"),
        Param.integer("rebalance", 20, "Moments between rebalances.").min("1"));
  }

  @Override
  public Supplier<PortfolioStrategy> portfolio(Params params) {
    int top = params.integer("top");
    int lookback = params.integer("lookback");
    int rebalance = params.integer("rebalance");
    new MomentumRotation(top, lookback, rebalance);
    return () -> new MomentumRotation(top, lookback, rebalance);
  }
}
