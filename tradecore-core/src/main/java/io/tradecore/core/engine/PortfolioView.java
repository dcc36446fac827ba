package io.tradecore.core.engine;

import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.plan.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A read-only view of the portfolio for strategies and listeners. */
public interface PortfolioView {
  BigDecimal cash();

  /** The signed quantity held in {@code symbol}; zero when flat. */
  BigDecimal position(String symbol);

  /** Cash plus positions at their latest marks. */
  BigDecimal equity();

  LedgerSummary summary();

  /** Aggregates per bot_version. */
  Map<String, LedgerSummary> summaryByVersion();

  /** PENDING and ACTIVE plans, whichever run made them. */
  List<Plan> openPlans();
}
