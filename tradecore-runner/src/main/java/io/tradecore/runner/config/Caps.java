package io.tradecore.runner.config;

import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;

/**
 * Portfolio-wide risk caps in the base currency; a null cap means no limit; immutable.
 *
 * @param maxOrderValue largest value of a single order
 * @param maxGrossExposure largest sum of absolute position values
 * @param maxOpenPositions largest number of instruments held at once
 * @param maxPositionValue largest value held in one instrument
 */
public record Caps(
    BigDecimal maxOrderValue,
    BigDecimal maxGrossExposure,
    Integer maxOpenPositions,
    BigDecimal maxPositionValue) {
  public static final Caps NONE = new Caps(null, null, null, null);

  /** Validates that every cap that is set is not negative. */
  public Caps {
    for (BigDecimal cap : new BigDecimal[] {maxOrderValue, maxGrossExposure, maxPositionValue}) {
      if (cap != null) {
        Values.checkDecimal(cap, false);
      }
    }
    if (maxOpenPositions != null) {
      Values.checkRange(maxOpenPositions, 0, Integer.MAX_VALUE);
    }
  }

  /** The caps as the engine's risk check takes them. */
  public RiskLimits toRiskLimits() {
    return new RiskLimits(maxOrderValue, maxGrossExposure, maxOpenPositions, maxPositionValue);
  }
}
