package io.tradecore.core.domain;

import java.util.Locale;

/** Where an order is in its life at the venue, as the portfolio's books record it. */
public enum OrderStatus {
  /** Sent (or about to be sent) and not yet known to be done. */
  WORKING,
  /** Every unit filled. */
  FILLED,
  /** Withdrawn before it filled completely, by us or by the venue. */
  CANCELLED,
  /** Its time in force ran out. */
  EXPIRED,
  /** The venue refused it. */
  REJECTED,
  /** Our own risk check refused it; it never left the portfolio. */
  REFUSED;

  /** True while the order can still fill. */
  public boolean isOpen() {
    return this == WORKING;
  }

  /** Parses a stored status name, case-insensitively. */
  public static OrderStatus parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown order status '" + text + "'", e);
    }
  }
}
