package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;

/** Receives the engine's events, on the engine's thread, in the order they happened. */
public interface EngineListener {
  void on(EngineEvent event);

  /** Called after every price event has been fully processed; the portfolio is marked to it. */
  default void onBarClosed(Bar bar, PortfolioView portfolio) {}

  EngineListener NONE = event -> {};
}
