package io.tradecore.web.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradecore.core.ledger.LedgerSummary;
import java.math.BigDecimal;

/**
 * Ledger totals at the latest marks in the base currency. {@code total_pnl = realized_pnl +
 * unrealized_pnl - fees - other_costs}; other costs are what the LLM strategy spent on the model
 * (borrow and funding are not modelled); they are paid outside the trading account, so cash and
 * equity do not include them. For a bot_version slice, cash and equity start from 0: they are that
 * version's net cash flow and net value.
 */
public record SummaryView(
    @JsonInclude(JsonInclude.Include.NON_NULL) String botVersion,
    BigDecimal equity,
    BigDecimal cash,
    BigDecimal realizedPnl,
    BigDecimal unrealizedPnl,
    BigDecimal totalPnl,
    BigDecimal grossExposure,
    int openPositions,
    BigDecimal fees,
    BigDecimal otherCosts,
    long fills) {

  /** The totals of the whole portfolio ({@code botVersion} null) or of one version's slice. */
  public static SummaryView of(String botVersion, LedgerSummary s) {
    return of(botVersion, s, BigDecimal.ZERO);
  }

  /** As {@link #of(String, LedgerSummary)}, with {@code otherCosts} (the model's spend). */
  public static SummaryView of(String botVersion, LedgerSummary s, BigDecimal otherCosts) {
    return new SummaryView(
        botVersion,
        s.equity(),
        s.cash(),
        s.realizedPnl(),
        s.unrealizedPnl(),
        s.totalPnl().subtract(otherCosts),
        s.grossExposure(),
        s.openPositions(),
        s.fees(),
        otherCosts,
        s.fills());
  }
}
