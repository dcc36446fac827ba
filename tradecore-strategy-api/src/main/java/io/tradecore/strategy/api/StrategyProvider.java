package io.tradecore.strategy.api;

import io.tradecore.core.engine.PortfolioStrategy;
import java.util.function.Supplier;

/**
 * A strategy offered by name to {@code --strategy}: the built-ins, the strategies of other modules
 * and plug-in jars all register one the same way, by naming the class in {@code
 * META-INF/services/io.tradecore.strategy.api.StrategyProvider}; TradeCore finds them with {@link
 * java.util.ServiceLoader}. The class needs a public no-argument constructor.
 *
 * <p>A strategy of one instrument at a time implements {@link InstrumentStrategyProvider}; one that
 * sees the whole portfolio implements this interface and returns {@link
 * io.tradecore.core.engine.PortfolioStrategy} instances.
 */
public interface StrategyProvider {
  /** The name {@code --strategy} takes: lower case, digits and dashes. */
  String name();

  /** One line on what the strategy does, for {@code tradecore strategy list}. */
  String description();

  /** The parameters it takes, with types, defaults, ranges and docs. */
  Parameters parameters();

  /**
   * Makes fresh instances of the strategy (one per backtest or run) with checked {@code params};
   * checks what the types and ranges cannot (one parameter against another) before it returns.
   *
   * @throws IllegalArgumentException a one-line message naming the parameter or file at fault
   */
  Supplier<PortfolioStrategy> portfolio(Params params);
}
