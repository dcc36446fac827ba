package io.tradecore.runner;

import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.store.Fence;

/**
 * Makes a runner's strategy once its run exists and it holds the portfolio's lease: for a strategy
 * that stores what it does with the run, fenced by the lease (the LLM strategy's traces).
 */
@FunctionalInterface
public interface RunStrategy {
  PortfolioStrategy open(RunId run, Fence fence);
}
