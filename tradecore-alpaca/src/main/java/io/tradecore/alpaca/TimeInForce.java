package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How long an order stays working at Alpaca. */
public enum TimeInForce {
  DAY,
  GTC,
  OPG,
  CLS,
  IOC,
  FOK,
  UNKNOWN;

  /** The name Alpaca uses on the wire, e.g. {@code day}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant for {@code wire}, or {@code UNKNOWN} for one this client does not know. */
  @JsonCreator
  public static TimeInForce of(String wire) {
    for (TimeInForce value : values()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
