package io.tradecore.alpaca;

import io.tradecore.core.domain.ClientOrderId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The body of {@code PATCH /v2/orders/{id}}: the fields to change (null keeps the order's own) and
 * the client order id of the replacing order, which lets a lost response be resolved.
 */
public record ReplaceRequest(
    ClientOrderId clientOrderId,
    BigDecimal qty,
    TimeInForce timeInForce,
    BigDecimal limitPrice,
    BigDecimal stopPrice) {

  public ReplaceRequest {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    if (clientOrderId.value().length() > OrderRequest.MAX_CLIENT_ORDER_ID) {
      throw new IllegalArgumentException(
          "client order id '" + clientOrderId + "' is longer than Alpaca's 48 characters");
    }
    if (qty == null && timeInForce == null && limitPrice == null && stopPrice == null) {
      throw new IllegalArgumentException("replacement " + clientOrderId + " changes nothing");
    }
  }

  /** Moves a stop order to {@code stopPrice}. */
  public static ReplaceRequest stopPrice(ClientOrderId id, BigDecimal stopPrice) {
    return new ReplaceRequest(id, null, null, null, stopPrice);
  }

  /** Moves a limit order to {@code limitPrice}. */
  public static ReplaceRequest limitPrice(ClientOrderId id, BigDecimal limitPrice) {
    return new ReplaceRequest(id, null, null, limitPrice, null);
  }
}
