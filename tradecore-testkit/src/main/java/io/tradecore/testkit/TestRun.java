package io.tradecore.testkit;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Portfolio;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link TestBacktest} did: every engine event in order, and the portfolio after it. */
public final class TestRun {
  /**
   * One plan's entry and exit: the moment indices (from 0) and prices of its first fill and of the
   * fill that closed it; {@code exitIndex} is -1 and the exit fields null while it is open.
   */
  public record RoundTrip(
      PlanId plan,
      String symbol,
      int entryIndex,
      Instant entryTime,
      BigDecimal entryPrice,
      int exitIndex,
      Instant exitTime,
      BigDecimal exitPrice) {
    public boolean isOpen() {
      return exitIndex < 0;
    }
  }

  private final List<Moment> moments;
  private final Portfolio portfolio;
  private final Engine engine;
  private final List<EngineEvent> events;

  TestRun(List<Moment> moments, Portfolio portfolio, Engine engine, List<EngineEvent> events) {
    this.moments = List.copyOf(moments);
    this.portfolio = portfolio;
    this.engine = engine;
    this.events = Collections.unmodifiableList(events);
  }

  /**
   * The engine after the last bar: its open plans ({@code engine().portfolio().openPlans()}); a
   * test may give it more bars ({@code engine().onBar(bar)}), and the events and fills here grow.
   */
  public Engine engine() {
    return engine;
  }

  /** Every event the engine emitted, in order. */
  public List<EngineEvent> events() {
    return events;
  }

  /** The events of one kind, e.g. {@code events(EngineEvent.OrderRefused.class)}. */
  public <T extends EngineEvent> List<T> events(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (EngineEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** Every fill, in order. */
  public List<Fill> fills() {
    List<Fill> fills = new ArrayList<>();
    for (EngineEvent.OrderFilled f : events(EngineEvent.OrderFilled.class)) {
      fills.add(f.fill());
    }
    return fills;
  }

  /** The portfolio after the last bar (cash, positions, realized PnL, fees, marks). */
  public Portfolio portfolio() {
    return portfolio;
  }

  public LedgerSummary summary() {
    return portfolio.summary();
  }

  /** The moments of the run, in order (one per bar for a single instrument). */
  public List<Moment> moments() {
    return moments;
  }

  /**
   * The plans' round trips, in entry order, from the fills: a plan's first fill is its entry, a
   * fill on the other side its exit; fills outside plans are left out.
   *
   * @throws IllegalStateException when a plan filled in parts (read {@link #fills()} instead)
   */
  public List<RoundTrip> roundTrips() {
    Map<Instant, Integer> index = new HashMap<>();
    for (int i = 0; i < moments.size(); i++) {
      index.put(moments.get(i).time(), i);
    }
    Map<PlanId, Fill> entries = new LinkedHashMap<>();
    Map<PlanId, Fill> exits = new HashMap<>();
    for (Fill fill : fills()) {
      if (fill.planId() == null) {
        continue;
      }
      Fill entry = entries.get(fill.planId());
      if (entry == null) {
        entries.put(fill.planId(), fill);
      } else if (fill.side() == entry.side() || exits.put(fill.planId(), fill) != null) {
        throw new IllegalStateException(
            "plan " + fill.planId() + " filled in parts; read the fills instead of round trips");
      }
    }
    List<RoundTrip> trips = new ArrayList<>();
    entries.forEach(
        (plan, in) -> {
          Fill out = exits.get(plan);
          trips.add(
              new RoundTrip(
                  plan,
                  in.instrument().symbol(),
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
