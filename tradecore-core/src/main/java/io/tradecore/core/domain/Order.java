package io.tradecore.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An instruction to an exchange. Either {@code quantity} is set, or {@code quoteAmount}: the amount
 * of cash to commit, from which the exchange sizes the order at its fill price (the largest
 * quantity in whole lots whose notional plus fees fits): a buy spends it, a short sale sets it
 * aside as margin. Immutable and thread-safe.
 *
 * @param planId the plan this order serves, or null for an order outside any plan
 * @param limitPrice set for LIMIT orders
 * @param stopPrice set for STOP orders
 */
public record Order(
    ClientOrderId id,
    PlanId planId,
    Instrument instrument,
    Side side,
    OrderType type,
    Quantity quantity,
    BigDecimal quoteAmount,
    Price limitPrice,
    Price stopPrice,
    TimeInForce timeInForce,
    Instant createdAt,
    String botVersion) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timeInForce, "timeInForce");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(botVersion, "botVersion");
    if ((quantity == null) == (quoteAmount == null)) {
      throw new IllegalArgumentException(
          "order " + id + " needs exactly one of quantity and quote");
    }
    if (quantity != null && quantity.isZero()) {
      throw new IllegalArgumentException("order " + id + " has a zero quantity");
    }
    if (quoteAmount != null && quoteAmount.signum() <= 0) {
      throw new IllegalArgumentException("order " + id + " quote sizing needs a positive amount");
    }
    if ((type == OrderType.LIMIT) != (limitPrice != null)) {
      throw new IllegalArgumentException("order " + id + ": a limit price goes with LIMIT only");
    }
    if ((type == OrderType.STOP) != (stopPrice != null)) {
      throw new IllegalArgumentException("order " + id + ": a stop price goes with STOP only");
    }
  }

  public static Order market(
      ClientOrderId id,
      PlanId planId,
      Instrument instrument,
      Side side,
      Quantity qty,
      Instant at,
      String botVersion) {
    return new Order(
        id,
        planId,
        instrument,
        side,
        OrderType.MARKET,
        qty,
        null,
        null,
        null,
        TimeInForce.GTC,
        at,
        botVersion);
  }

  public Order withQuantity(Quantity newQuantity) {
    return new Order(
        id,
        planId,
        instrument,
        side,
        type,
        newQuantity,
        null,
        limitPrice,
        stopPrice,
        timeInForce,
        createdAt,
        botVersion);
  }
}
