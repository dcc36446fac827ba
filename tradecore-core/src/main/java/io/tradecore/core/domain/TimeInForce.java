package io.tradecore.core.domain;

/** How long an unfilled order or plan entry stays working. */
public enum TimeInForce {
  /** Good till cancelled. */
  GTC,
  /** Cancelled at the end of the bar's trading day if not filled. */
  DAY,
  /** Immediate or cancel: fills what it can on the next price event, the rest is cancelled. */
  IOC
}
