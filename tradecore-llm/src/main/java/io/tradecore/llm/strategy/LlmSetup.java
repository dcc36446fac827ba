package io.tradecore.llm.strategy;

import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The portfolio the LLM strategy trades and how: its ids and bot_version, base currency, reporting
 * zone (the trading day of a moment), exchange calendar (when a session closes), risk caps (the
 * allowed actions), whether it may short, the share of an order kept aside for fees, how many
 * recent bars of each instrument the model is shown, and what each bot_version has spent on the
 * model before (a restarted runner's store). Immutable.
 *
 * @param calendar the exchange's calendar; null when unknown (then only daily bars close sessions)
 */
public record LlmSetup(
    PortfolioId portfolioId,
    RunId runId,
    String botVersion,
    String baseCurrency,
    ZoneId zone,
    TradingCalendar calendar,
    RiskLimits limits,
    boolean shortingAllowed,
    BigDecimal feeMargin,
    int barsShown,
    Map<String, BigDecimal> spentBefore) {

  /** The bars of each instrument shown unless told otherwise. */
  public static final int DEFAULT_BARS_SHOWN = 10;

  /** The share of an order's value kept aside for fees unless told otherwise. */
  public static final BigDecimal DEFAULT_FEE_MARGIN = new BigDecimal("0.001");

  public LlmSetup {
    Objects.requireNonNull(portfolioId, "portfolioId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(botVersion, "botVersion");
    Objects.requireNonNull(baseCurrency, "baseCurrency");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(feeMargin, "feeMargin");
    spentBefore = Map.copyOf(spentBefore);
    if (barsShown < 1) {
      throw new IllegalArgumentException("at least one bar must be shown, not " + barsShown);
    }
  }
}
