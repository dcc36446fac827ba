package io.tradecore.core.engine;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.indicator.Indicator;
import io.tradecore.core.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a strategy of one instrument ({@link Strategy}) as a portfolio strategy: one instance per
 * instrument, made by the factory when the instrument's first bar comes, shown each of its bars
 * (after its indicators) in the order the moment lists them. A plan it opens is on its instrument.
 * Deterministic, as strategies of one instrument are.
 */
public final class PerInstrumentStrategies implements PortfolioStrategy {
  private final StrategyFactory factory;
  private final Map<Instrument, Lane> lanes = new HashMap<>();
  private Lane last;
  private String name;

  public PerInstrumentStrategies(StrategyFactory factory) {
    this.factory = factory;
  }

  @Override
  public String name() {
    if (name == null) {
      for (Lane lane : lanes.values()) {
        name = lane.strategy.name();
        break;
      }
    }
    return name == null ? "per-instrument" : name;
  }

  @Override
  public List<Action> onMoment(MomentContext context) {
    List<Bar> bars = context.bars();
    List<Action> out = null;
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      Lane lane = last != null && last.instrument == bar.instrument() ? last : lane(bar, context);
      last = lane;
      List<Action> actions = lane.onBar(bar);
      if (!actions.isEmpty()) {
        if (out == null) {
          out = new ArrayList<>(actions.size());
        }
        for (Action a : actions) {
          out.add(a instanceof Action.OpenPlan open ? open.on(bar.instrument()) : a);
        }
      }
    }
    return out == null ? List.of() : out;
  }

  /** The lane of the bar's instrument, made when its first bar comes. */
  private Lane lane(Bar bar, MomentContext context) {
    Lane lane = lanes.get(bar.instrument());
    if (lane == null) {
      lane = newLane(bar.instrument(), context.portfolio());
      lanes.put(bar.instrument(), lane);
    }
    return lane;
  }

  private Lane newLane(Instrument instrument, PortfolioView portfolio) {
    Strategy strategy = factory.create(instrument);
    StrategySetup setup = new StrategySetup(instrument);
    strategy.init(setup);
    return new Lane(strategy, setup.indicators(), instrument, portfolio);
  }

  /** One instrument's strategy, the indicators it asked for, and its reused context. */
  private static final class Lane implements TradingContext {
    final Strategy strategy;
    final Indicator[] indicators;
    final Instrument instrument;
    final PortfolioView portfolio;
    Bar bar;
    long index = -1;

    Lane(
        Strategy strategy, Indicator[] indicators, Instrument instrument, PortfolioView portfolio) {
      this.strategy = strategy;
      this.indicators = indicators;
      this.instrument = instrument;
      this.portfolio = portfolio;
    }

    List<Action> onBar(Bar next) {
      for (Indicator indicator : indicators) {
        indicator.update(next);
      }
      bar = next;
      index++;
      return strategy.onBar(this);
    }

    @Override
    public Instant time() {
      return bar.time();
    }

    @Override
    public Instrument instrument() {
      return instrument;
    }

    @Override
    public Bar bar() {
      return bar;
    }

    @Override
    public long barIndex() {
      return index;
    }

    @Override
    public PortfolioView portfolio() {
      return portfolio;
    }

    @Override
    public List<Plan> openPlans() {
      return portfolio.openPlans(instrument);
    }

    @Override
    public int openPlanCount() {
      return portfolio.openPlanCount(instrument);
    }
  }
}
