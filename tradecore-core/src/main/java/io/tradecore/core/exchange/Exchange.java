package io.tradecore.core.exchange;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Order;

/**
 * The port the engine trades through: a simulated exchange for backtests and paper trading, a venue
 * adapter for live trading. Calls come from the engine's single thread.
 */
public interface Exchange {
  /**
   * Accepts an order; it works until filled, cancelled or expired, trading from the next price
   * event on. A durable exchange ignores an order id it already knows, so a restarted engine can
   * resubmit its deterministic ids.
   */
  void submit(Order order);

  /**
   * Accepts an order that is to trade on the price event being processed (an exit the plan monitor
   * found on this bar) and reports what it did on that event.
   */
  MatchResult submitNow(Order order, Bar bar);

  /** Cancels a working order; returns false if it is not working (filled or unknown). */
  boolean cancel(ClientOrderId id);

  /** True while the order can still fill. */
  boolean isWorking(ClientOrderId id);

  /**
   * Reports what happened on the exchange up to this price event: fills and expiries. A simulated
   * exchange matches its working orders against the bar, each at most once.
   */
  MatchResult onBar(Bar bar);
}
