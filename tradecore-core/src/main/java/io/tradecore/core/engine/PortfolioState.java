package io.tradecore.core.engine;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.Plan;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The read-only view of the portfolio that strategies and listeners get from the engine. */
final class PortfolioState implements PortfolioView {
  private final Portfolio portfolio;
  private final PlanBook plans;
  private final RiskExposure exposure;

  PortfolioState(Portfolio portfolio, PlanBook plans, RiskExposure exposure) {
    this.portfolio = portfolio;
    this.plans = plans;
    this.exposure = exposure;
  }

  @Override
  public BigDecimal cash() {
    return portfolio.ledger().cash();
  }

  @Override
  public BigDecimal availableCash() {
    return exposure.availableCash();
  }

  @Override
  public BigDecimal position(String symbol) {
    Position p = portfolio.ledger().position(symbol);
    return p == null ? BigDecimal.ZERO : p.quantity();
  }

  @Override
  public BigDecimal costBasis(String symbol) {
    Position p = portfolio.ledger().position(symbol);
    return p == null ? BigDecimal.ZERO : p.costBasis();
  }

  @Override
  public Collection<Position> positions() {
    return portfolio.ledger().positions().values().stream().filter(p -> !p.isFlat()).toList();
  }

  @Override
  public BigDecimal mark(String symbol) {
    return portfolio.mark(symbol);
  }

  @Override
  public BigDecimal equity() {
    return portfolio.equity();
  }

  @Override
  public long equityUnits() {
    return portfolio.equityUnits();
  }

  @Override
  public int equityScale() {
    return portfolio.equityScale();
  }

  @Override
  public LedgerSummary summary() {
    return portfolio.summary();
  }

  @Override
  public Map<String, LedgerSummary> summaryByVersion() {
    return portfolio.summaryByVersion();
  }

  @Override
  public List<Plan> openPlans() {
    return plans.all();
  }

  @Override
  public List<Plan> openPlans(Instrument instrument) {
    return plans.open(instrument);
  }

  @Override
  public int openPlanCount(Instrument instrument) {
    return plans.openCount(instrument);
  }
}
