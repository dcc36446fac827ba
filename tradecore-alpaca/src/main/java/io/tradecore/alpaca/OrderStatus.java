package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The status of an order at Alpaca. */
public enum OrderStatus {
  NEW,
  PARTIALLY_FILLED,
  FILLED,
  DONE_FOR_DAY,
  CANCELED,
  EXPIRED,
  REPLACED,
  PENDING_CANCEL,
  PENDING_REPLACE,
  PENDING_REVIEW,
  ACCEPTED,
  PENDING_NEW,
  ACCEPTED_FOR_BIDDING,
  STOPPED,
  REJECTED,
  SUSPENDED,
  CALCULATED,
  HELD,
  UNKNOWN;

  /** The name Alpaca uses on the wire, e.g. {@code partially_filled}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True once the order can neither fill nor change any more. */
  public boolean isTerminal() {
    return switch (this) {
      case FILLED, CANCELED, EXPIRED, REPLACED, REJECTED -> true;
      default -> false;
    };
  }

  /** The constant for {@code wire}, or {@code UNKNOWN} for one this client does not know. */
  @JsonCreator
  public static OrderStatus of(String wire) {
    for (OrderStatus value : values()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
