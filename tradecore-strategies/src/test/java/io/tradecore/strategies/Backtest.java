package io.tradecore.strategies;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.ledger.Portfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TradeCore backtest as the app runs one: Engine + SimulatedExchange (no volume cap) + Portfolio,
 * no risk caps, recording every engine event.
 */
final class Backtest {
  /** One round trip; {@code exitIndex} is -1 and {@code exitPrice} null while it is open. */
  record RoundTrip(
      int entryIndex,
      Instant entryTime,
      BigDecimal entryPrice,
      int exitIndex,
      Instant exitTime,
      BigDecimal exitPrice) {
    boolean isOpen() {
      return exitIndex < 0;
    }
  }

  final List<Bar> bars;
  final Portfolio portfolio;
  final SimulatedExchange exchange;
  final Engine engine;
  final List<EngineEvent> events = new ArrayList<>();

  Backtest(List<Bar> bars, StrategyFactory strategy, BigDecimal cash, ExecutionCosts costs) {
    this.bars = bars;
    String currency = bars.getFirst().instrument().currency();
    this.portfolio = new Portfolio(new PortfolioId("cross-check"), currency, cash);
    this.exchange = new SimulatedExchange("SIM", costs, null);
    this.engine =
        Engine.builder()
            .portfolio(portfolio)
            .venue(exchange)
            .strategy(strategy)
            .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .listener(events::add)
            .build();
  }

  /** Runs every bar through the engine. */
  static Backtest run(
      List<Bar> bars, StrategyFactory strategy, BigDecimal cash, ExecutionCosts costs) {
    Backtest backtest = new Backtest(bars, strategy, cash, costs);
    for (Bar bar : bars) {
      backtest.engine.onBar(bar);
    }
    return backtest;
  }

  List<Fill> fills() {
    List<Fill> fills = new ArrayList<>();
    for (EngineEvent e : events) {
      if (e instanceof EngineEvent.OrderFilled f) {
        fills.add(f.fill());
      }
    }
    return fills;
  }

  <T extends EngineEvent> List<T> events(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (EngineEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** The round trips of long plans, in entry order, from the fills (one entry, one exit each). */
  List<RoundTrip> roundTrips() {
    Map<Instant, Integer> index = new HashMap<>();
    for (int i = 0; i < bars.size(); i++) {
      index.put(bars.get(i).time(), i);
    }
    Map<PlanId, Fill> entries = new LinkedHashMap<>();
    Map<PlanId, Fill> exits = new HashMap<>();
    for (Fill fill : fills()) {
      Map<PlanId, Fill> into = fill.side() == Side.BUY ? entries : exits;
      if (into.put(fill.planId(), fill) != null) {
        throw new AssertionError("plan " + fill.planId() + " has more than one " + fill.side());
      }
    }
    List<RoundTrip> trips = new ArrayList<>();
    entries.forEach(
        (plan, in) -> {
          Fill out = exits.get(plan);
          trips.add(
              new RoundTrip(
                  index.get(in.time()),
                  in.time(),
                  in.price().toBigDecimal(),
                  out == null ? -1 : index.get(out.time()),
                  out == null ? null : out.time(),
                  out == null ? null : out.price().toBigDecimal()));
        });
    return trips;
  }
}
