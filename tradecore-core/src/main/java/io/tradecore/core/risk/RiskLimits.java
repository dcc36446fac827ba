package io.tradecore.core.risk;

import java.math.BigDecimal;

/**
 * Portfolio-wide caps in the base currency; a null cap is not enforced. They hold across days:
 * nothing resets at midnight. Immutable and thread-safe.
 */
public record RiskLimits(
    BigDecimal maxOrderValue,
    BigDecimal maxGrossExposure,
    Integer maxOpenPositions,
    BigDecimal maxPositionValue) {

  public static final RiskLimits NONE = new RiskLimits(null, null, null, null);

  public RiskLimits {
    requireNonNegative("maxOrderValue", maxOrderValue);
    requireNonNegative("maxGrossExposure", maxGrossExposure);
    requireNonNegative("maxPositionValue", maxPositionValue);
    if (maxOpenPositions != null && maxOpenPositions < 0) {
      throw new IllegalArgumentException("maxOpenPositions must be >= 0: " + maxOpenPositions);
    }
  }

  private static void requireNonNegative(String name, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
  }
}
