package io.tradecore.core.venue;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port orders go through: a simulated exchange for backtests, the durable paper exchange, or a
 * live broker. Submitting and cancelling are requests; what becomes of an order arrives later as
 * {@link ExecutionReport}s delivered to the attached {@link ReportSink} (a simulated venue reports
 * at once, on the caller's thread). The reconciliation queries serve a resync after a restart or a
 * disconnect. The engine calls {@link #submit} and {@link #cancel} from its single thread.
 */
public interface Venue {
  /** A short name recorded with each run, for example {@code paper} or {@code alpaca}. */
  String name();

  VenueFeatures features();

  /** Where execution reports go from now on. Called once, before the first order. */
  void attach(ReportSink sink);

  /**
   * Asks the venue to take an order. A durable venue ignores a client order id it already knows, so
   * a restarted engine may resubmit its deterministic ids.
   */
  void submit(Order order);

  /** Asks the venue to withdraw an order; a {@code Cancelled} report follows if it did. */
  void cancel(ClientOrderId id);

  /**
   * Places a plan's protection as orders resting at the venue (only where {@link
   * VenueFeatures#protectiveOrders()}): a stop and a target that cancel each other once one fills,
   * or just one of them (the other null). Each reports like any order. A durable venue ignores ids
   * it already knows.
   */
  default void protect(Order stop, Order target) {
    throw new UnsupportedOperationException(name() + " keeps no protective orders");
  }

  /**
   * Moves a protective order: the venue replaces working order {@code old} with {@code replacement}
   * (a new id, the same plan, side and type, a new price). The old order then ends without a report
   * of its own; if it filled first, its fill is reported and the replacement is rejected.
   */
  default void replace(ClientOrderId old, Order replacement) {
    throw new UnsupportedOperationException(name() + " replaces no orders");
  }

  /** Orders the venue holds as working. */
  List<VenueOrder> openOrders();

  /** The venue's record of one order, working or done, if it has one. */
  Optional<VenueOrder> order(ClientOrderId id);

  /** Fills after {@code cursor} (null: from the beginning), oldest first. */
  FillPage fillsSince(String cursor);

  /** Signed quantity held per symbol, as the venue sees it. */
  Map<String, BigDecimal> positions();

  /** Cash per currency, as the venue sees it; empty when the venue keeps no cash. */
  Map<String, BigDecimal> balances();
}
