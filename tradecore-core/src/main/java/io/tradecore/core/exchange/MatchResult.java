package io.tradecore.core.exchange;

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

  public boolean isEmpty() {
    return fills.isEmpty() && expired.isEmpty();
  }
}
