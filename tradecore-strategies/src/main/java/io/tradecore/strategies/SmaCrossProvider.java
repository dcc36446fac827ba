package io.tradecore.strategies;

import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.strategy.api.InstrumentStrategyProvider;
import io.tradecore.strategy.api.Param;
import io.tradecore.strategy.api.Parameters;
import io.tradecore.strategy.api.Params;

/** {@code --strategy sma-cross}: {@link SmaCross}. */
public final class SmaCrossProvider implements InstrumentStrategyProvider {
  @Override
  public String name() {
    return "sma-cross";
  }

  @Override
  public String description() {
    return "Long-only crossover of a fast and a slow simple moving average of the close.";
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(
        Param.integer("fast", 10, "Bars in the fast average (shorter than slow).").min("1"),
        Param.integer("slow", 30, "Bars in the slow average.").min("2"));
  }

  @Override
  public StrategyFactory factory(Params params) {
    int fast = params.integer("fast");
    int slow = params.integer("slow");
    new SmaCross(fast, slow);
    return instrument -> new SmaCross(fast, slow);
  }
}
