package io.tradecore.llm.request;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One open position: signed quantity (negative when short), average entry price, latest mark, its
 * value and unrealized PnL. Immutable and thread-safe.
 */
public record PositionLine(
    String symbol,
    BigDecimal quantity,
    BigDecimal averagePrice,
    BigDecimal markPrice,
    BigDecimal marketValue,
    BigDecimal unrealizedPnl) {
  public PositionLine {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(averagePrice, "averagePrice");
    Objects.requireNonNull(markPrice, "markPrice");
    Objects.requireNonNull(marketValue, "marketValue");
    Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
  }
}
