package io.tradecore.strategy.api;

import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.StrategyFactory;
import java.util.function.Supplier;

/**
 * The provider of a strategy that trades each instrument on its own ({@link
 * io.tradecore.core.engine.Strategy}): the engine runs one instance per instrument.
 */
public interface InstrumentStrategyProvider extends StrategyProvider {
  /**
   * A factory of instances for each instrument, with checked {@code params}; checks what the types
   * and ranges cannot before it returns.
   *
   * @throws IllegalArgumentException a one-line message naming the parameter at fault
   */
  StrategyFactory factory(Params params);

  @Override
  default Supplier<PortfolioStrategy> portfolio(Params params) {
    StrategyFactory factory = factory(params);
    return () -> new PerInstrumentStrategies(factory);
  }
}
