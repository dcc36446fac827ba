/**
 * The strategy API: what a strategy author needs, and nothing that does I/O.
 *
 * <p>The strategy interfaces themselves stay in the core, which the engine runs, and this module
 * depends on it: {@link io.tradecore.core.engine.Strategy} (one instrument, one bar at a time),
 * {@link io.tradecore.core.engine.PortfolioStrategy} (a whole moment and the whole portfolio),
 * {@link io.tradecore.core.engine.Action}, {@link io.tradecore.core.plan.PlanSpec} and {@link
 * io.tradecore.core.engine.PortfolioView}. This module adds the registration ({@link
 * io.tradecore.strategy.api.StrategyProvider}), typed parameters ({@link
 * io.tradecore.strategy.api.Parameters}) and the ta4j bridge ({@link
 * io.tradecore.strategy.api.ta4j.Ta4jBars}).
 */
package io.tradecore.strategy.api;
