package io.tradecore.llm.request;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a new plan on one instrument may be, computed in code: the largest quantity to buy, the
 * largest to sell short (zero when shorting is not allowed). Immutable and thread-safe.
 *
 * @param lastPrice the price sizes and stop/target sides are judged against
 * @param maxBuyQuantity the largest quantity a BUY plan may ask for
 * @param maxSellQuantity the largest quantity a SELL (short) plan may ask for
 * @param shortingAllowed whether SELL plans may be opened at all
 */
public record InstrumentAllowance(
    String symbol,
    BigDecimal lastPrice,
    BigDecimal maxBuyQuantity,
    BigDecimal maxSellQuantity,
    boolean shortingAllowed) {
  public InstrumentAllowance {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(lastPrice, "lastPrice");
    Objects.requireNonNull(maxBuyQuantity, "maxBuyQuantity");
    Objects.requireNonNull(maxSellQuantity, "maxSellQuantity");
    if (lastPrice.signum() <= 0) {
      throw new IllegalArgumentException(symbol + ": last price must be positive");
    }
    if (maxBuyQuantity.signum() < 0 || maxSellQuantity.signum() < 0) {
      throw new IllegalArgumentException(symbol + ": maximum quantities must not be negative");
    }
    if (!shortingAllowed && maxSellQuantity.signum() != 0) {
      throw new IllegalArgumentException(
          symbol + ": no short quantity when shorting is not allowed");
    }
  }
}
