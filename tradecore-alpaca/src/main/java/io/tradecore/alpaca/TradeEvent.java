package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The event of a {@code trade_updates} stream message. */
public enum TradeEvent {
  NEW,
  FILL,
  PARTIAL_FILL,
  CANCELED,
  EXPIRED,
  DONE_FOR_DAY,
  REPLACED,
  REJECTED,
  PENDING_NEW,
  STOPPED,
  PENDING_CANCEL,
  PENDING_REPLACE,
  CALCULATED,
  SUSPENDED,
  ORDER_REPLACE_REJECTED,
  ORDER_CANCEL_REJECTED,
  ACCEPTED,
  RESTATED,
  HELD,
  UNKNOWN;

  /** The name Alpaca uses on the wire, e.g. {@code new}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant for {@code wire}, or {@code UNKNOWN} for one this client does not know. */
  @JsonCreator
  public static TradeEvent of(String wire) {
    for (TradeEvent value : values()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
