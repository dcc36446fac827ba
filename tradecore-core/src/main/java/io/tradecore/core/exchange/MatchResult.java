package io.tradecore.core.exchange;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Order;
import java.util.List;

/** The fills and the expired orders that one price event produced. Immutable. */
public record MatchResult(List<Fill> fills, List<Order> expired) {
  public static final MatchResult EMPTY = new MatchResult(List.of(), List.of());

  public MatchResult {
    fills = List.copyOf(fills);
    expired = List.copyOf(expired);
  }

  /** Whether {@code id} is among the orders that expired (part-filled or not). */
  public boolean expires(ClientOrderId id) {
    for (Order o : expired) {
      if (o.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return fills.isEmpty() && expired.isEmpty();
  }
}
