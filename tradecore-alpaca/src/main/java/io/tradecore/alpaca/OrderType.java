package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The order types Alpaca takes for US equities. */
public enum OrderType {
  MARKET,
  LIMIT,
  STOP,
  STOP_LIMIT,
  TRAILING_STOP,
  UNKNOWN;

  /** The name Alpaca uses on the wire, e.g. {@code market}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant for {@code wire}, or {@code UNKNOWN} for one this client does not know. */
  @JsonCreator
  public static OrderType of(String wire) {
    for (OrderType value : values()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
