package io.tradecore.core.venue;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Order;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * A venue that trades against the market data the engine sees, bar by bar: the simulated exchange
 * of backtests and the paper exchange. The engine shows it every price event before anything else
 * happens on that event.
 */
public interface SimulatedVenue extends Venue {
  /** Matches the working orders of the bar's instrument against it; reports what happened. */
  void onBar(Bar bar);

  /**
   * Takes an exit the engine's plan monitor found on the bar being processed (a stop or target the
   * bar reached) and matches it against that same bar, as if it had been resting at the venue.
   */
  void submitTriggered(Order order, Bar bar);

  /**
   * How a bar's trading day is found, for DAY orders, which expire once a bar of a later trading
   * day arrives: the session's date in the exchange's zone.
   */
  void sessionDays(Function<Bar, LocalDate> days);

  /**
   * What {@code order} may commit, fees included, when it is about to fill (null: no limit): a buy
   * spends it, a short sale holds its notional as margin. An order that needs more fills what the
   * cash covers and the rest is withdrawn, as a broker refuses a cash account's buy beyond its
   * cash.
   */
  void fundedBy(Function<Order, BigDecimal> spendable);
}
