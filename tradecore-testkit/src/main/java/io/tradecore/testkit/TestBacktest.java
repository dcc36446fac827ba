package io.tradecore.testkit;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.feed.SimulatedClock;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.strategy.api.StrategyProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A backtest in memory for a strategy's tests: the engine TradeCore runs, over a fresh portfolio
 * and a simulated exchange (market orders fill at the next bar's open), recording every engine
 * event in order. No files, no database.
 *
 * <pre>{@code
 * TestRun run = TestBacktest.of(new MyStrategyProvider(), Map.of("fast", "5"))
 *     .cash("10000")
 *     .run(Bars.daily("TEST").closes("10", "11", "12").list());
 * assertThat(run.fills()).hasSize(2);
 * }</pre>
 */
public final class TestBacktest {
  private final Supplier<PortfolioStrategy> strategies;
  private BigDecimal cash = new BigDecimal("100000");
  private ExecutionCosts costs = ExecutionCosts.FREE;
  private BigDecimal volumeShare;
  private RiskLimits risk = RiskLimits.NONE;

  private TestBacktest(Supplier<PortfolioStrategy> strategies) {
    this.strategies = Objects.requireNonNull(strategies, "strategies");
  }

  /**
   * The strategy of {@code provider} with {@code params} over its defaults, checked as {@code
   * --param} values are (an unknown name, a wrong type or a value out of range is an {@link
   * IllegalArgumentException} naming the parameter).
   */
  public static TestBacktest of(StrategyProvider provider, Map<String, String> params) {
    return new TestBacktest(
        provider.portfolio(provider.parameters().check(provider.name(), params)));
  }

  /** The strategy of {@code provider} with its default parameters. */
  public static TestBacktest of(StrategyProvider provider) {
    return of(provider, Map.of());
  }

  /** A strategy of one instrument at a time: one instance from {@code factory} per instrument. */
  public static TestBacktest of(StrategyFactory factory) {
    return new TestBacktest(() -> new PerInstrumentStrategies(factory));
  }

  /** A portfolio strategy, a fresh instance from {@code strategies} per run. */
  public static TestBacktest ofPortfolio(Supplier<PortfolioStrategy> strategies) {
    return new TestBacktest(strategies);
  }

  /** Starting cash (100000 unless told), in the first instrument's currency. */
  public TestBacktest cash(String cash) {
    return cash(new BigDecimal(cash));
  }

  /** Starting cash (100000 unless told), in the first instrument's currency. */
  public TestBacktest cash(BigDecimal cash) {
    this.cash = Objects.requireNonNull(cash, "cash");
    return this;
  }

  /** Fees and slippage of the simulated exchange (none unless told). */
  public TestBacktest costs(ExecutionCosts costs) {
    this.costs = Objects.requireNonNull(costs, "costs");
    return this;
  }

  /** The largest share (0..1] of a bar's volume one order may fill (no cap unless told). */
  public TestBacktest volumeShare(BigDecimal share) {
    this.volumeShare = share;
    return this;
  }

  /** Portfolio-wide risk caps (none unless told). */
  public TestBacktest risk(RiskLimits limits) {
    this.risk = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /** Runs over the bars of one instrument. */
  public TestRun run(List<Bar> bars) {
    return runAll(List.of(bars));
  }

  /** Runs over several instruments' bars at once, moment by moment (the bars of one time). */
  public TestRun runAll(List<List<Bar>> series) {
    if (series.isEmpty() || series.getFirst().isEmpty()) {
      throw new IllegalArgumentException("a test backtest needs bars");
    }
    List<Moment> moments = Moment.inTimeOrder(series);
    Portfolio portfolio =
        new Portfolio(
            new PortfolioId("test"), series.getFirst().getFirst().instrument().currency(), cash);
    SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
    List<EngineEvent> events = new ArrayList<>();
    Engine engine =
        Engine.builder()
            .portfolio(portfolio)
            .venue(new SimulatedExchange("sim", costs, volumeShare))
            .risk(risk)
            .strategy(strategies.get())
            .clock(clock)
            .listener(events::add)
            .build();
    for (Moment moment : moments) {
      clock.set(moment.time());
      engine.onMoment(moment);
    }
    return new TestRun(moments, portfolio, engine, events);
  }
}
