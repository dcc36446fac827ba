package io.tradecore.core.engine;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A portfolio strategy that lives in a module of its own (a trained policy, say) and is offered by
 * name next to the strategies TradeCore ships: the strategy catalog finds every implementation on
 * the class path with {@link java.util.ServiceLoader}. A module registers one by naming its class
 * in {@code META-INF/services/io.tradecore.core.engine.StrategyProvider}.
 */
public interface StrategyProvider {
  /** The name {@code --strategy} takes. */
  String name();

  /**
   * Its parameters with their defaults, by name; an empty default is a parameter that must be
   * given.
   */
  Map<String, String> defaults();

  /**
   * Checks the parameters (every one of {@link #defaults()}, with the values given over the
   * defaults) and makes fresh instances of the strategy.
   *
   * @throws IllegalArgumentException a one-line message naming the parameter or file at fault
   */
  Supplier<PortfolioStrategy> portfolio(Map<String, String> params);
}
