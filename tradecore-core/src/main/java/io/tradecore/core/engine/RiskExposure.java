package io.tradecore.core.engine;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Order;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Portfolio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio as risk must see it: entries still working count as if they had filled, so caps and
 * cash hold across orders decided at one moment before any of them fills. Not thread-safe.
 */
final class RiskExposure {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final Portfolio portfolio;
  private final WorkingOrders working;

  RiskExposure(Portfolio portfolio, WorkingOrders working) {
    this.portfolio = portfolio;
    this.working = working;
  }

  /** The ledger's summary with working entries added to gross exposure and open positions. */
  LedgerSummary withWorkingEntries() {
    LedgerSummary s = portfolio.summary();
    if (working.isEmpty()) {
      return s;
    }
    BigDecimal gross = s.grossExposure();
    int positions = s.openPositions();
    List<Instrument> counted = new ArrayList<>();
    for (WorkingOrder w : working.all()) {
      if (!w.entry() || w.cancelRequested != null) {
        continue;
      }
      Order o = w.order;
      BigDecimal mark = portfolio.mark(o.instrument().symbol());
      gross =
          gross.add(
              o.quoteAmount() != null
                  ? o.quoteAmount()
                  : o.quantity().toBigDecimal().multiply(mark == null ? BigDecimal.ZERO : mark));
      if (portfolio.ledger().position(o.instrument().symbol()) == null
          && !counted.contains(o.instrument())) {
        counted.add(o.instrument());
        positions++;
      }
    }
    return new LedgerSummary(
        s.startingCash(),
        s.cash(),
        s.equity(),
        s.realizedPnl(),
        s.unrealizedPnl(),
        s.fees(),
        gross,
        positions,
        s.fills());
  }

  /**
   * The cash an entry may commit: cash less what working entries may still commit, and less twice
   * the value of the open shorts (their proceeds are owed back, and the same again is held as
   * margin), so a short of a given value ties up as much cash as a long of that value.
   */
  BigDecimal availableCash() {
    return cashLess(null);
  }

  /**
   * What an entry of ours about to fill may commit (a buy spends it, a short sale holds it as
   * margin): the available cash less what the working entries placed before it may still commit
   * (first placed, first served); null (no limit) for any other order, such as an exit.
   */
  BigDecimal spendableBy(Order order) {
    WorkingOrder own = working.get(order.id());
    if (own == null || !own.entry()) {
      return null;
    }
    return cashLess(own);
  }

  /**
   * Available cash less what working entries may commit: all of them, or those placed before {@code
   * own}.
   */
  private BigDecimal cashLess(WorkingOrder own) {
    BigDecimal cash = portfolio.ledger().cash();
    BigDecimal shorts = portfolio.shortValue();
    if (shorts.signum() != 0) {
      cash = cash.subtract(shorts.multiply(TWO));
    }
    for (WorkingOrder w : working.all()) {
      if (w == own) {
        break;
      }
      if (w.entry() && w.cancelRequested == null) {
        Order o = w.order;
        BigDecimal price =
            o.limitPrice() != null
                ? o.limitPrice().toBigDecimal()
                : portfolio.mark(o.instrument().symbol());
        cash = cash.subtract(w.commitment(price));
      }
    }
    return cash;
  }
}
