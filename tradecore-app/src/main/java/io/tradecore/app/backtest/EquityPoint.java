package io.tradecore.app.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The portfolio after one bar: the bar's close, cash, the position held and equity (cash plus the
 * position at the close), all exact, and whether anything filled on the bar. Immutable.
 */
public record EquityPoint(
    Instant time,
    BigDecimal close,
    BigDecimal cash,
    BigDecimal position,
    BigDecimal equity,
    BarAction action) {

  public EquityPoint {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(action, "action");
  }
}
