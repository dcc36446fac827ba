package io.tradecore.bench;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.ledger.Portfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A TradeCore backtest as the app runs one: a fresh Portfolio, SimulatedExchange (free, no volume
 * cap) and Engine (no risk caps) per run, every bar through {@link Engine#onBar}.
 */
final class TradeCoreRun {
  static final BigDecimal STARTING_CASH = new BigDecimal("1000000.00");

  private TradeCoreRun() {}

  /** Runs all bars with {@code listener}; returns the portfolio at the end. */
  static Portfolio run(List<Bar> bars, StrategyFactory strategy, EngineListener listener) {
    Portfolio portfolio =
        new Portfolio(
            new PortfolioId("bench"), bars.getFirst().instrument().currency(), STARTING_CASH);
    Engine engine =
        Engine.builder()
            .portfolio(portfolio)
            .venue(new SimulatedExchange("sim", ExecutionCosts.FREE, null))
            .strategy(strategy)
            .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .listener(listener)
            .build();
    for (int i = 0, n = bars.size(); i < n; i++) {
      engine.onBar(bars.get(i));
    }
    return portfolio;
  }

  /** The round trips of a run, from its fills; each fill is at the bar the engine was given. */
  static List<RoundTrip> roundTrips(List<Bar> bars, StrategyFactory strategy) {
    List<RoundTrip> trips = new ArrayList<>();
    int[] entry = {-1};
    BigDecimal[] entryPrice = {null};
    int[] index = {0};
    EngineListener recorder =
        new EngineListener() {
          @Override
          public void on(EngineEvent event) {
            if (!(event instanceof EngineEvent.OrderFilled filled)) {
              return;
            }
            Fill fill = filled.fill();
            if (!fill.time().equals(bars.get(index[0]).time())) {
              throw new IllegalStateException("fill " + fill + " is not at bar " + index[0]);
            }
            if (fill.side() == Side.BUY) {
              if (entry[0] >= 0) {
                throw new IllegalStateException("second entry at bar " + index[0]);
              }
              entry[0] = index[0];
              entryPrice[0] = fill.price().toBigDecimal();
            } else {
              trips.add(
                  new RoundTrip(entry[0], entryPrice[0], index[0], fill.price().toBigDecimal()));
              entry[0] = -1;
            }
          }
        };
    Portfolio portfolio =
        new Portfolio(
            new PortfolioId("bench"), bars.getFirst().instrument().currency(), STARTING_CASH);
    Engine engine =
        Engine.builder()
            .portfolio(portfolio)
            .venue(new SimulatedExchange("sim", ExecutionCosts.FREE, null))
            .strategy(strategy)
            .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .listener(recorder)
            .build();
    for (int i = 0, n = bars.size(); i < n; i++) {
      index[0] = i;
      engine.onBar(bars.get(i));
    }
    if (entry[0] >= 0) {
      trips.add(new RoundTrip(entry[0], entryPrice[0], -1, null));
    }
    return trips;
  }
}
