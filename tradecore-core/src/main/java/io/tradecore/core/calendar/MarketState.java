package io.tradecore.core.calendar;

/** Where a market stands at an instant; an immutable, thread-safe enum. */
public enum MarketState {
  /** A trading day, before the session opens. */
  PRE_MARKET,
  /** Inside the session. */
  OPEN,
  /** A trading day, at or after the session's close. */
  CLOSED,
  /** A weekday on which the market does not trade (a holiday or a one-off closure). */
  HOLIDAY,
  /** A Saturday or Sunday. */
  WEEKEND
}
