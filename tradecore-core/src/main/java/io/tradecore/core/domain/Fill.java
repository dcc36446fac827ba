package io.tradecore.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An execution reported by an exchange: the source of truth the ledger is derived from. Immutable
 * and thread-safe.
 *
 * @param tradeId the exchange's id for this execution, unique per portfolio
 * @param fee the fee charged, in the instrument's currency, already rounded by the exchange
 * @param planId the plan the order served, or null
 */
public record Fill(
    TradeId tradeId,
    ClientOrderId orderId,
    PlanId planId,
    Instrument instrument,
    Side side,
    Quantity quantity,
    Price price,
    BigDecimal fee,
    Instant time,
    String botVersion) {

  public Fill {
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(botVersion, "botVersion");
    if (quantity.isZero() || !price.isPositive() || fee.signum() < 0) {
      throw new IllegalArgumentException(
          "fill " + tradeId + " needs a positive quantity and price and a fee >= 0");
    }
  }

  /** Price times quantity, exact. */
  public BigDecimal notional() {
    return price.toBigDecimal().multiply(quantity.toBigDecimal());
  }

  /** The quantity signed by side: positive for a buy, negative for a sell. */
  public BigDecimal signedQuantity() {
    BigDecimal q = quantity.toBigDecimal();
    return side == Side.BUY ? q : q.negate();
  }
}
