package io.tradecore.alpaca;

import io.tradecore.core.domain.ClientOrderId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The body of {@code POST /v2/orders}: a simple, bracket, OCO or OTO order under a client order id
 * of at most 48 characters, which is what makes a lost response safe to resolve. Immutable.
 *
 * @param takeProfit the take-profit leg of a bracket, OCO or OTO order, else null
 * @param stopLoss the stop-loss leg of a bracket, OCO or OTO order, else null
 */
public record OrderRequest(
    ClientOrderId clientOrderId,
    String symbol,
    BigDecimal qty,
    OrderSide side,
    OrderType type,
    TimeInForce timeInForce,
    BigDecimal limitPrice,
    BigDecimal stopPrice,
    Boolean extendedHours,
    OrderClass orderClass,
    TakeProfit takeProfit,
    StopLoss stopLoss) {

  /** Alpaca refuses longer client order ids. */
  public static final int MAX_CLIENT_ORDER_ID = 48;

  /** The take-profit leg: a limit order at {@code limitPrice}. */
  public record TakeProfit(BigDecimal limitPrice) {
    public TakeProfit {
      positive("take-profit limit price", limitPrice);
    }
  }

  /** The stop-loss leg: a stop at {@code stopPrice}, a stop-limit if {@code limitPrice} is set. */
  public record StopLoss(BigDecimal stopPrice, BigDecimal limitPrice) {
    public StopLoss {
      positive("stop-loss stop price", stopPrice);
    }
  }

  public OrderRequest {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    if (clientOrderId.value().length() > MAX_CLIENT_ORDER_ID) {
      throw new IllegalArgumentException(
          "client order id '"
              + clientOrderId
              + "' is "
              + clientOrderId.value().length()
              + " characters; Alpaca takes at most "
              + MAX_CLIENT_ORDER_ID);
    }
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException("order " + clientOrderId + " has no symbol");
    }
    positive("order " + clientOrderId + " quantity", qty);
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timeInForce, "timeInForce");
    orderClass = orderClass == null ? OrderClass.SIMPLE : orderClass;
    if ((type == OrderType.LIMIT || type == OrderType.STOP_LIMIT) && limitPrice == null) {
      throw new IllegalArgumentException("order " + clientOrderId + " is a limit without a price");
    }
    if ((type == OrderType.STOP || type == OrderType.STOP_LIMIT) && stopPrice == null) {
      throw new IllegalArgumentException("order " + clientOrderId + " is a stop without a price");
    }
    boolean legsNeeded = orderClass == OrderClass.BRACKET || orderClass == OrderClass.OCO;
    if (legsNeeded && (takeProfit == null || stopLoss == null)) {
      throw new IllegalArgumentException(
          "order "
              + clientOrderId
              + " is "
              + orderClass.wire()
              + " but lacks a take-profit or a"
              + " stop-loss leg");
    }
    if (orderClass == OrderClass.OCO && type != OrderType.LIMIT) {
      throw new IllegalArgumentException(
          "order " + clientOrderId + " is oco, which Alpaca takes only as a limit order");
    }
    if (orderClass == OrderClass.OTO && (takeProfit == null) == (stopLoss == null)) {
      throw new IllegalArgumentException(
          "order " + clientOrderId + " is oto and needs exactly one exit leg");
    }
    if (orderClass == OrderClass.SIMPLE && (takeProfit != null || stopLoss != null)) {
      throw new IllegalArgumentException(
          "order " + clientOrderId + " is simple but has exit legs; make it bracket, oco or oto");
    }
  }

  /** A market order, good for the day. */
  public static OrderRequest market(
      ClientOrderId id, String symbol, OrderSide side, BigDecimal qty) {
    return new OrderRequest(
        id,
        symbol,
        qty,
        side,
        OrderType.MARKET,
        TimeInForce.DAY,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A limit order, good for the day. */
  public static OrderRequest limit(
      ClientOrderId id, String symbol, OrderSide side, BigDecimal qty, BigDecimal limitPrice) {
    return new OrderRequest(
        id,
        symbol,
        qty,
        side,
        OrderType.LIMIT,
        TimeInForce.DAY,
        limitPrice,
        null,
        null,
        null,
        null,
        null);
  }

  /** A stop (market) order, good for the day. */
  public static OrderRequest stop(
      ClientOrderId id, String symbol, OrderSide side, BigDecimal qty, BigDecimal stopPrice) {
    return new OrderRequest(
        id,
        symbol,
        qty,
        side,
        OrderType.STOP,
        TimeInForce.DAY,
        null,
        stopPrice,
        null,
        null,
        null,
        null);
  }

  /**
   * An exit pair resting at the broker: a limit at {@code target} and a stop at {@code stop}, one
   * cancelling the other.
   */
  public static OrderRequest oco(
      ClientOrderId id,
      String symbol,
      OrderSide side,
      BigDecimal qty,
      BigDecimal target,
      BigDecimal stop) {
    return new OrderRequest(
        id,
        symbol,
        qty,
        side,
        OrderType.LIMIT,
        TimeInForce.GTC,
        target,
        null,
        null,
        OrderClass.OCO,
        new TakeProfit(target),
        new StopLoss(stop, null));
  }

  /** This entry as a bracket: once it fills, a take-profit at {@code target} and a stop-loss. */
  public OrderRequest withBracket(BigDecimal target, BigDecimal stop) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        qty,
        side,
        type,
        timeInForce,
        limitPrice,
        stopPrice,
        extendedHours,
        OrderClass.BRACKET,
        new TakeProfit(target),
        new StopLoss(stop, null));
  }

  /** This order, working for {@code tif} instead. */
  public OrderRequest withTimeInForce(TimeInForce tif) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        qty,
        side,
        type,
        tif,
        limitPrice,
        stopPrice,
        extendedHours,
        orderClass,
        takeProfit,
        stopLoss);
  }

  /** The order in a few words for messages, e.g. {@code plan-7-entry (buy 100 AAPL market)}. */
  public String describe() {
    return clientOrderId
        + " ("
        + side.wire()
        + " "
        + qty.toPlainString()
        + " "
        + symbol
        + " "
        + type.wire()
        + (orderClass == OrderClass.SIMPLE ? "" : " " + orderClass.wire())
        + ")";
  }

  private static void positive(String what, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException(what + " must be positive but was " + value);
    }
  }
}
