package io.tradecore.core.domain;

import java.util.Locale;

/** Why an order stopped working before it filled completely. */
public enum CancelReason {
  /** The plan was closed by the strategy or by hand. */
  PLAN_CLOSED,
  /** The plan's entry was withdrawn before anything was held. */
  PLAN_CANCELLED,
  /** A stop, target or trailing stop fired and the entry still working was withdrawn. */
  EXIT_TRIGGERED,
  /** A newer order took its place (a moved stop, a new exit). */
  REPLACED,
  /** Its time in force ran out. */
  EXPIRED,
  /** The venue cancelled it for reasons of its own (a reconnect found it gone, a halt). */
  VENUE;

  /** The words a person reads, e.g. "plan closed". */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
