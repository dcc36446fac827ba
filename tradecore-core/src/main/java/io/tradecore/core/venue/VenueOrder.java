package io.tradecore.core.venue;

import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.Quantity;
import java.util.Objects;

/**
 * A venue's own record of one of our orders, as a reconciliation query returns it. Immutable.
 *
 * @param order the order as the venue has it (its client order id is ours)
 * @param filled how much of it has filled so far
 * @param venueOrderId the venue's id for it, or null
 */
public record VenueOrder(Order order, OrderStatus status, Quantity filled, String venueOrderId) {
  public VenueOrder {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filled, "filled");
  }
}
