package io.tradecore.core.engine;

import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.Plan;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A read-only view of the portfolio for strategies and listeners. */
public interface PortfolioView {
  BigDecimal cash();

  /**
   * Cash not yet committed: cash less what working entries may still commit (their quote, or their
   * quantity at the limit or the latest mark) and less twice the value of the open shorts (what
   * buying them back costs, and as much again held as margin). What a new entry sized by cash may
   * use, long or short.
   */
  BigDecimal availableCash();

  /** The signed quantity held in {@code symbol}; zero when flat. */
  BigDecimal position(String symbol);

  /**
   * The exact cost basis of the position in {@code symbol}: the signed sum paid for the quantity
   * still open (negative when short); zero when flat.
   */
  BigDecimal costBasis(String symbol);

  /** The open positions with their cost bases, in no particular order. */
  Collection<Position> positions();

  /** The latest price of {@code symbol}, or null before it has one. */
  BigDecimal mark(String symbol);

  /** Cash plus positions at their latest marks. */
  BigDecimal equity();

  /**
   * {@link #equity()} as units of 10^-{@link #equityScale()}, with no {@link BigDecimal} made (a
   * backtest asks on every bar), or {@link Decimals#NO_UNITS} when it does not fit a long (then ask
   * {@link #equity()}).
   */
  default long equityUnits() {
    return Decimals.NO_UNITS;
  }

  /** The scale of the last {@link #equityUnits()} that was not {@link Decimals#NO_UNITS}. */
  default int equityScale() {
    return 0;
  }

  LedgerSummary summary();

  /** Aggregates per bot_version. */
  Map<String, LedgerSummary> summaryByVersion();

  /** PENDING and ACTIVE plans, whichever run made them. */
  List<Plan> openPlans();

  /** The open plans on {@code instrument}. */
  List<Plan> openPlans(Instrument instrument);

  /** How many plans are open on {@code instrument}; cheaper than {@link #openPlans(Instrument)}. */
  int openPlanCount(Instrument instrument);
}
