package io.tradecore.core.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fees and slippage of a simulated exchange. Fees are {@code feeBps} of the notional, rounded half
 * up to {@code currencyScale} decimals, and never less than {@code minFee}. Slippage moves market
 * and stop fills {@code slippageBps} against the order, rounded against the order to the price
 * scale; limit fills get no slippage. Immutable and thread-safe.
 */
public record ExecutionCosts(
    BigDecimal feeBps, BigDecimal minFee, BigDecimal slippageBps, int currencyScale) {
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  public static final ExecutionCosts FREE =
      new ExecutionCosts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 2);

  public ExecutionCosts {
    if (feeBps.signum() < 0 || minFee.signum() < 0 || slippageBps.signum() < 0) {
      throw new IllegalArgumentException("fees and slippage must be >= 0");
    }
    if (currencyScale < 0 || currencyScale > 8) {
      throw new IllegalArgumentException("currencyScale must be 0..8 but was " + currencyScale);
    }
  }

  public static ExecutionCosts of(double feeBps, double minFee, double slippageBps) {
    return new ExecutionCosts(
        BigDecimal.valueOf(feeBps), BigDecimal.valueOf(minFee), BigDecimal.valueOf(slippageBps), 2);
  }

  public BigDecimal fee(BigDecimal notional) {
    BigDecimal fee =
        notional.multiply(feeBps).divide(TEN_THOUSAND, currencyScale, RoundingMode.HALF_UP);
    return fee.max(minFee);
  }

  /** The price after slippage for a buy (up) or a sell (down), in units at {@code scale}. */
  public long slip(long price, int scale, boolean buy) {
    if (slippageBps.signum() == 0) {
      return price;
    }
    BigDecimal p = BigDecimal.valueOf(price, scale);
    BigDecimal factor = slippageBps.divide(TEN_THOUSAND);
    BigDecimal slipped =
        buy
            ? p.add(p.multiply(factor)).setScale(scale, RoundingMode.CEILING)
            : p.subtract(p.multiply(factor)).setScale(scale, RoundingMode.FLOOR);
    return slipped.unscaledValue().longValueExact();
  }
}
