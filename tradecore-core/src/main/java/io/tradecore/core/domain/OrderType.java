package io.tradecore.core.domain;

/** How an order is priced: at the market, at a limit or better, or once a stop price trades. */
public enum OrderType {
  MARKET,
  LIMIT,
  STOP
}
