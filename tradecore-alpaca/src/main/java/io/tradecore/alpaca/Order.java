package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tradecore.core.domain.ClientOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as Alpaca reports it; a bracket or OCO order carries its other legs in {@code legs}.
 * Quantities and prices are exact decimals, parsed from Alpaca's strings.
 */
public record Order(
    String id,
    ClientOrderId clientOrderId,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    Instant filledAt,
    Instant expiredAt,
    Instant canceledAt,
    Instant failedAt,
    Instant replacedAt,
    String replacedBy,
    String replaces,
    String assetId,
    String symbol,
    String assetClass,
    BigDecimal notional,
    BigDecimal qty,
    BigDecimal filledQty,
    BigDecimal filledAvgPrice,
    OrderClass orderClass,
    OrderType type,
    OrderSide side,
    TimeInForce timeInForce,
    BigDecimal limitPrice,
    BigDecimal stopPrice,
    OrderStatus status,
    boolean extendedHours,
    List<Order> legs,
    BigDecimal trailPercent,
    BigDecimal trailPrice,
    BigDecimal hwm) {

  public Order {
    legs = legs == null ? List.of() : List.copyOf(legs);
    orderClass = orderClass == null ? OrderClass.SIMPLE : orderClass;
  }

  /** True while the order can still fill, be replaced or be cancelled. */
  @JsonIgnore
  public boolean isWorking() {
    return status != null && !status.isTerminal();
  }
}
