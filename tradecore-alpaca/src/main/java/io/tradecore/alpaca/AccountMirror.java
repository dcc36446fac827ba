package io.tradecore.alpaca;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The client's view of an Alpaca account, built from {@code trade_updates} events and FILL
 * activities: every execution exactly once however often and in whatever order the two sources
 * report it, each order's latest state, the positions the executions add up to, and the activity
 * cursor to resume polling from. Not thread-safe: feed it from one thread.
 *
 * <p>An execution is named by its order and the order's filled quantity after it ({@code cum_qty}
 * in an activity, {@code order.filled_qty} in a stream event), which both sources carry.
 */
public final class AccountMirror {

  /** One execution, as either source reported it first. */
  public record Execution(
      String orderId,
      BigDecimal cumQty,
      String symbol,
      OrderSide side,
      BigDecimal qty,
      BigDecimal price,
      Instant time) {

    /** The quantity with its sign: positive for a buy. */
    public BigDecimal signedQty() {
      return side == OrderSide.BUY ? qty : qty.negate();
    }
  }

  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final Map<String, Order> orders = new HashMap<>();
  private String cursor;

  /** A mirror that resumes polling after activity {@code cursor} (null: from the start). */
  public AccountMirror(String cursor) {
    this.cursor = cursor;
  }

  /** Applies one stream event; true if it carried an execution not seen before. */
  public boolean apply(TradeUpdate update) {
    Order order = update.order();
    if (order == null) {
      return false;
    }
    remember(order);
    if (!update.isExecution() || update.qty() == null || update.price() == null) {
      return false;
    }
    BigDecimal cum = order.filledQty() != null ? order.filledQty() : update.qty();
    return add(
        new Execution(
            order.id(),
            cum,
            order.symbol(),
            order.side(),
            update.qty(),
            update.price(),
            update.timestamp()));
  }

  /** Applies polled activities in their order; returns how many executions were new. */
  public int apply(List<FillActivity> activities) {
    int added = 0;
    for (FillActivity a : activities) {
      if (add(
          new Execution(
              a.orderId(),
              a.cumQty(),
              a.symbol(),
              a.side(),
              a.qty(),
              a.price(),
              a.transactionTime()))) {
        added++;
      }
      cursor = a.id();
    }
    return added;
  }

  /**
   * Polls the FILL activities after the cursor (or after {@code since} without one) and applies
   * them: what a consumer runs at start, after every reconnect, and periodically while the stream
   * is down. Returns how many executions were new.
   */
  public int catchUp(AlpacaClient client, Instant since) {
    return apply(client.fillsAfter(cursor, since));
  }

  /** The id of the last activity applied: store it, and resume from it after a restart. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** Every execution, in the order first seen. */
  public List<Execution> executions() {
    return new ArrayList<>(executions.values());
  }

  /** The net quantity per symbol the executions add up to (from a flat start); zeros omitted. */
  public Map<String, BigDecimal> positions() {
    Map<String, BigDecimal> positions = new TreeMap<>();
    for (Execution e : executions.values()) {
      positions.merge(e.symbol(), e.signedQty(), BigDecimal::add);
    }
    positions.values().removeIf(q -> q.signum() == 0);
    return positions;
  }

  /** The latest state of order {@code orderId} seen on the stream. */
  public Optional<Order> order(String orderId) {
    return Optional.ofNullable(orders.get(orderId));
  }

  private boolean add(Execution execution) {
    String key =
        execution.orderId() + "@" + execution.cumQty().stripTrailingZeros().toPlainString();
    return executions.putIfAbsent(key, execution) == null;
  }

  private void remember(Order order) {
    orders.merge(order.id(), order, AccountMirror::later);
    for (Order leg : order.legs()) {
      remember(leg);
    }
  }

  /** The more recent of two reports of one order; a duplicate or a late arrival loses. */
  private static Order later(Order known, Order next) {
    if (known.updatedAt() != null && next.updatedAt() != null) {
      int byTime = next.updatedAt().compareTo(known.updatedAt());
      if (byTime != 0) {
        return byTime > 0 ? next : known;
      }
    }
    if (known.status().isTerminal() != next.status().isTerminal()) {
      return known.status().isTerminal() ? known : next;
    }
    BigDecimal knownFilled = known.filledQty() == null ? BigDecimal.ZERO : known.filledQty();
    BigDecimal nextFilled = next.filledQty() == null ? BigDecimal.ZERO : next.filledQty();
    return nextFilled.compareTo(knownFilled) >= 0 ? next : known;
  }
}
