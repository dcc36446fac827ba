package io.tradecore.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The portfolio after one moment: cash and equity (cash plus positions at their closes), all exact,
 * and whether anything filled. With one instrument also its close and the position held; with
 * several, {@code close} and {@code position} are null. Immutable.
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
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(action, "action");
  }
}
