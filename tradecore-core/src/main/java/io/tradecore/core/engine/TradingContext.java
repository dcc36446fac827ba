package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.plan.Plan;
import java.time.Instant;
import java.util.List;

/** What a strategy sees on a bar: the bar, its index, and the portfolio (read-only). */
public interface TradingContext {
  Instant time();

  Instrument instrument();

  Bar bar();

  /** Index of this bar among the instrument's bars, from 0. */
  long barIndex();

  PortfolioView portfolio();

  /** The open (PENDING or ACTIVE) plans on this instrument. */
  List<Plan> openPlans();

  /** How many plans are open on this instrument; cheaper than {@link #openPlans()}. */
  int openPlanCount();
}
