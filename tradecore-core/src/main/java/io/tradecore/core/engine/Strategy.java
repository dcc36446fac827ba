package io.tradecore.core.engine;

import java.util.List;

/**
 * A trading strategy for one instrument. The engine creates one per instrument, calls {@link #init}
 * once so it can ask for indicators, then {@link #onBar} after every bar with a read-only view of
 * the market and the portfolio. When a runner restarts, the engine shows a new strategy the bars
 * traded on before through {@link #onBar} and drops the actions ({@link Engine#warmUp}), so a
 * strategy's own state should follow from the bars it has seen.
 */
public interface Strategy {
  String name();

  void init(StrategySetup setup);

  /** The actions for this bar; an empty list holds. */
  List<Action> onBar(TradingContext context);

  /** A strategy called {@code name} that asks for nothing and always holds. */
  static Strategy idle(String name) {
    return new Strategy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void init(StrategySetup setup) {}

      @Override
      public List<Action> onBar(TradingContext context) {
        return List.of();
      }
    };
  }
}
