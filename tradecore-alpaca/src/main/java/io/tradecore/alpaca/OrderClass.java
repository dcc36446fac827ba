package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an order's legs hang together: simple; bracket (entry with take-profit and stop-loss legs);
 * oco (take-profit and stop-loss, one cancels the other); oto (entry then one exit leg).
 */
public enum OrderClass {
  SIMPLE,
  BRACKET,
  OCO,
  OTO,
  MLEG,
  UNKNOWN;

  /** The name Alpaca uses on the wire, e.g. {@code bracket}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant for {@code wire}; Alpaca sends "" for simple orders. */
  @JsonCreator
  public static OrderClass of(String wire) {
    if (wire == null || wire.isEmpty()) {
      return SIMPLE;
    }
    for (OrderClass value : values()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
