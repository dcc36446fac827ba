package io.tradecore.core.exchange;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Order;

/**
 * The port the engine trades through: a simulated exchange for backtests and paper trading, a venue
 * adapter for live trading. Calls come from the engine's single thread.
 */
public interface Exchange {
  /** Accepts an order; it works until filled, cancelled or expired. */
  void submit(Order order);

  /** Cancels a working order; returns false if it is not working (filled or unknown). */
  boolean cancel(ClientOrderId id);

  /** True while the order can still fill. */
  boolean isWorking(ClientOrderId id);

  /**
   * Reports what happened on the exchange up to this price event: fills and expiries. A simulated
   * exchange matches its working orders against the bar; each order is matched at most once per
   * bar, so calling again after submitting exits matches only the new orders.
   */
  MatchResult onBar(Bar bar);
}
