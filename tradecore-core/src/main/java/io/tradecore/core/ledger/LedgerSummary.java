package io.tradecore.core.ledger;

import java.math.BigDecimal;

/**
 * Portfolio aggregates at a set of marks, exact. {@code totalPnl() == equity - startingCash ==
 * realized + unrealized - fees}. Immutable and thread-safe.
 */
public record LedgerSummary(
    BigDecimal startingCash,
    BigDecimal cash,
    BigDecimal equity,
    BigDecimal realizedPnl,
    BigDecimal unrealizedPnl,
    BigDecimal fees,
    BigDecimal grossExposure,
    int openPositions,
    long fills) {

  public BigDecimal totalPnl() {
    return realizedPnl.add(unrealizedPnl).subtract(fees);
  }
}
