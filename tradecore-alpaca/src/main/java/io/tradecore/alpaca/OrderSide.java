package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Buy or sell, as Alpaca writes it. */
public enum OrderSide {
  BUY,
  SELL;

  /** The name Alpaca uses on the wire, e.g. {@code buy}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant for {@code wire}; fails on a value Alpaca does not send. */
  @JsonCreator
  public static OrderSide of(String wire) {
    for (OrderSide value : values()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("'" + wire + "' is not an order side (buy or sell)");
  }
}
