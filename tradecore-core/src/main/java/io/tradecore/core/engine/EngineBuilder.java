package io.tradecore.core.engine;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.risk.RiskCheck;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.core.venue.Venue;
import java.time.Clock;
import java.util.Objects;

/**
 * Assembles an {@link Engine}: the one way backtests, runners and benchmarks build theirs. The
 * portfolio, venue, strategy and clock are required; the rest has defaults (no risk caps, no
 * listener, no decision journal, {@link EngineConfig#defaults()}, UTC calendar days, no overnight
 * rule).
 */
public final class EngineBuilder {
  private EngineConfig config = EngineConfig.defaults();
  private Portfolio portfolio;
  private Venue venue;
  private RiskCheck risk = new RiskCheck(RiskLimits.NONE);
  private PortfolioStrategy strategy;
  private DecisionJournal journal = DecisionJournal.NONE;
  private Clock clock;
  private EngineListener listener = EngineListener.NONE;
  private MarketDays marketDays;
  private OvernightRule overnight = OvernightRule.NONE;

  EngineBuilder() {}

  public EngineBuilder config(EngineConfig value) {
    this.config = value;
    return this;
  }

  public EngineBuilder portfolio(Portfolio value) {
    this.portfolio = value;
    return this;
  }

  public EngineBuilder venue(Venue value) {
    this.venue = value;
    return this;
  }

  public EngineBuilder risk(RiskCheck value) {
    this.risk = value;
    return this;
  }

  public EngineBuilder risk(RiskLimits limits) {
    return risk(new RiskCheck(limits));
  }

  public EngineBuilder strategy(PortfolioStrategy value) {
    this.strategy = value;
    return this;
  }

  /** A strategy of one instrument, one instance per instrument. */
  public EngineBuilder strategy(StrategyFactory factory) {
    return strategy(new PerInstrumentStrategies(factory));
  }

  public EngineBuilder journal(DecisionJournal value) {
    this.journal = value;
    return this;
  }

  public EngineBuilder clock(Clock value) {
    this.clock = value;
    return this;
  }

  public EngineBuilder listener(EngineListener value) {
    this.listener = value;
    return this;
  }

  /** The market's trading days and sessions (see {@link Engine#marketDays}). */
  public EngineBuilder marketDays(MarketDays value) {
    this.marketDays = value;
    return this;
  }

  public EngineBuilder overnight(OvernightRule value) {
    this.overnight = Objects.requireNonNull(value, "overnight");
    return this;
  }

  public Engine build() {
    Engine engine =
        new Engine(
            config,
            Objects.requireNonNull(portfolio, "portfolio"),
            Objects.requireNonNull(venue, "venue"),
            risk,
            Objects.requireNonNull(strategy, "strategy"),
            journal,
            Objects.requireNonNull(clock, "clock"),
            listener);
    if (marketDays != null) {
      engine.marketDays(marketDays);
    }
    engine.overnight(overnight);
    return engine;
  }
}
