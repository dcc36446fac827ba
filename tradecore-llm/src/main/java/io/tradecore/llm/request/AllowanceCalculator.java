package io.tradecore.llm.request;

import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes an instrument's {@link InstrumentAllowance} from cash, the portfolio's risk caps and the
 * price, the way the engine's risk check will judge the order: the largest quantity, at the
 * instrument's quantity decimals and rounded down, whose value fits the cash (with a fee margin),
 * the largest order value, what is left of the position cap and of the gross exposure cap. No new
 * instrument is allowed once the open-positions cap is reached. Immutable and thread-safe.
 *
 * @param limits the portfolio's caps; null caps do not bind
 * @param feeMargin the share of an order's value kept aside for fees, e.g. 0.001
 */
public record AllowanceCalculator(RiskLimits limits, BigDecimal feeMargin) {
  public AllowanceCalculator {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(feeMargin, "feeMargin");
    if (feeMargin.signum() < 0) {
      throw new IllegalArgumentException("feeMargin must not be negative");
    }
  }

  /** The portfolio's state the allowance depends on, in the base currency. */
  public record Exposure(
      BigDecimal cash, BigDecimal grossExposure, int openPositions, BigDecimal positionValue) {
    public Exposure {
      Objects.requireNonNull(cash, "cash");
      Objects.requireNonNull(grossExposure, "grossExposure");
      Objects.requireNonNull(positionValue, "positionValue");
    }
  }

  /**
   * The allowance of {@code symbol} at {@code lastPrice}. {@code exposure.positionValue} is the
   * absolute value already held in it; working entries should count as if filled, as the risk check
   * counts them.
   */
  public InstrumentAllowance allowance(
      String symbol,
      BigDecimal lastPrice,
      int quantityScale,
      Exposure exposure,
      boolean shortingAllowed) {
    BigDecimal max = maxQuantity(lastPrice, quantityScale, exposure);
    return new InstrumentAllowance(
        symbol,
        lastPrice,
        max,
        shortingAllowed ? max : BigDecimal.ZERO.setScale(quantityScale),
        shortingAllowed);
  }

  private BigDecimal maxQuantity(BigDecimal price, int quantityScale, Exposure e) {
    BigDecimal zero = BigDecimal.ZERO.setScale(quantityScale);
    boolean newInstrument = e.positionValue().signum() == 0;
    if (newInstrument
        && limits.maxOpenPositions() != null
        && e.openPositions() >= limits.maxOpenPositions()) {
      return zero;
    }
    List<BigDecimal> budgets = new ArrayList<>();
    budgets.add(e.cash().divide(BigDecimal.ONE.add(feeMargin), 12, RoundingMode.DOWN));
    if (limits.maxOrderValue() != null) {
      budgets.add(limits.maxOrderValue());
    }
    if (limits.maxPositionValue() != null) {
      budgets.add(limits.maxPositionValue().subtract(e.positionValue()));
    }
    if (limits.maxGrossExposure() != null) {
      budgets.add(limits.maxGrossExposure().subtract(e.grossExposure()));
    }
    BigDecimal budget = budgets.stream().min(BigDecimal::compareTo).orElseThrow();
    if (budget.signum() <= 0) {
      return zero;
    }
    return budget.divide(price, quantityScale, RoundingMode.DOWN);
  }
}
