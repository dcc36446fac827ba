package io.tradecore.core.engine;

import java.util.List;

/**
 * A trading strategy for one instrument. The engine creates one per instrument, calls {@link #init}
 * once so it can ask for indicators, then {@link #onBar} after every bar with a read-only view of
 * the market and the portfolio.
 */
public interface Strategy {
  String name();

  void init(StrategySetup setup);

  /** The actions for this bar; an empty list holds. */
  List<Action> onBar(TradingContext context);
}
