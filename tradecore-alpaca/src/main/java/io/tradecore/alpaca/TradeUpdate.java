package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One {@code trade_updates} stream event: the order as it now stands, and for fills the execution's
 * own price and quantity ({@code qty}) and the position after it.
 */
public record TradeUpdate(
    TradeEvent event,
    String executionId,
    Order order,
    Instant timestamp,
    BigDecimal positionQty,
    BigDecimal price,
    BigDecimal qty) {

  /** True for a fill or a partial fill, which carry a price and a quantity. */
  @JsonIgnore
  public boolean isExecution() {
    return event == TradeEvent.FILL || event == TradeEvent.PARTIAL_FILL;
  }
}
