package io.tradecore.core.engine;

import io.tradecore.core.domain.CancelReason;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderRole;
import io.tradecore.core.plan.ExitReason;
import java.math.BigDecimal;

/**
 * An order the engine has at the venue: what it is for, what of it has filled, and whether we have
 * asked to cancel it (and why). Mutable; owned by the engine's thread.
 */
final class WorkingOrder {
  final Order order;
  final OrderRole role;

  /** Why an exit was sent; null for an entry. */
  final ExitReason exitReason;

  /** Set once we asked the venue to cancel it; the reason is reported when it confirms. */
  CancelReason cancelRequested;

  long filledUnits;

  /** Notional plus fees of its fills so far. */
  BigDecimal spent = BigDecimal.ZERO;

  WorkingOrder(Order order, OrderRole role, ExitReason exitReason) {
    this.order = order;
    this.role = role;
    this.exitReason = exitReason;
  }

  boolean entry() {
    return role == OrderRole.ENTRY;
  }

  void recordFill(Fill fill) {
    filledUnits += fill.quantity().units();
    spent = spent.add(fill.notional()).add(fill.fee());
  }

  /** What a working buy may still spend: the rest of its quote, or its rest at {@code price}. */
  BigDecimal commitment(BigDecimal price) {
    if (order.quoteAmount() != null) {
      return order.quoteAmount().subtract(spent).max(BigDecimal.ZERO);
    }
    if (price == null) {
      return BigDecimal.ZERO;
    }
    long rest = Math.max(0, order.quantity().units() - filledUnits);
    return BigDecimal.valueOf(rest, order.quantity().scale()).multiply(price);
  }
}
