package io.tradecore.llm.request;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open plan: what it trades, its state and its levels; a null level is not set (a null entry
 * limit is a market entry). Immutable and thread-safe.
 *
 * @param status PENDING (entry not filled yet) or ACTIVE (holding)
 * @param quantity the quantity the plan holds, or asks for while PENDING
 */
public record PlanLine(
    PlanId planId,
    String symbol,
    Side side,
    String status,
    BigDecimal quantity,
    BigDecimal entryLimit,
    BigDecimal stop,
    BigDecimal target,
    BigDecimal trailDistance) {
  public PlanLine {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(quantity, "quantity");
  }
}
