package io.tradecore.core.ledger;

import io.tradecore.core.domain.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An open position: signed quantity (negative when short) and its exact cost basis, the signed sum
 * paid for the quantity still open. Immutable and thread-safe.
 */
public record Position(Instrument instrument, BigDecimal quantity, BigDecimal costBasis) {

  public boolean isFlat() {
    return quantity.signum() == 0;
  }

  /** Cost basis per unit, rounded four decimals beyond the price scale (for display only). */
  public BigDecimal averageCost() {
    if (isFlat()) {
      return BigDecimal.ZERO;
    }
    return costBasis.divide(quantity, instrument.priceScale() + 4, RoundingMode.HALF_EVEN);
  }

  public BigDecimal marketValue(BigDecimal mark) {
    return quantity.multiply(mark);
  }

  public BigDecimal unrealizedPnl(BigDecimal mark) {
    return marketValue(mark).subtract(costBasis);
  }
}
