package io.tradecore.core.engine;

import io.tradecore.core.feed.Moment;

/** Receives the engine's events, on the engine's thread, in the order they happened. */
public interface EngineListener {
  void on(EngineEvent event);

  /** Called after every moment has been fully processed; the portfolio is marked to it. */
  default void onMomentClosed(Moment moment, PortfolioView portfolio) {}

  EngineListener NONE = event -> {};
}
