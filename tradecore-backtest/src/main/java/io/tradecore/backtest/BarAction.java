package io.tradecore.backtest;

import java.util.Locale;

/** What the portfolio did on a bar, as an action trace records it. */
public enum BarAction {
  HOLD,
  BUY,
  SELL;

  /** The lower-case name used in action traces: hold, buy or sell. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
