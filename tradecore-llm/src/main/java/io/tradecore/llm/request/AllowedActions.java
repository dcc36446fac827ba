package io.tradecore.llm.request;

import io.tradecore.core.domain.PlanId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The actions the model may take at a moment, computed in code: new plans per instrument up to its
 * allowance and within the buying power in total, and the open plans it may adjust or close.
 * Holding is always allowed. Immutable and thread-safe.
 *
 * @param buyingPower the most that all new plans of one answer may commit together, at their entry
 *     or last prices, in the base currency
 */
public record AllowedActions(
    List<InstrumentAllowance> instruments,
    BigDecimal buyingPower,
    List<PlanId> adjustablePlans,
    List<PlanId> closablePlans) {
  public AllowedActions {
    instruments = List.copyOf(instruments);
    Objects.requireNonNull(buyingPower, "buyingPower");
    adjustablePlans = List.copyOf(adjustablePlans);
    closablePlans = List.copyOf(closablePlans);
  }

  /** The allowance of {@code symbol}, or empty when new plans on it are not allowed. */
  public Optional<InstrumentAllowance> instrument(String symbol) {
    return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst();
  }
}
