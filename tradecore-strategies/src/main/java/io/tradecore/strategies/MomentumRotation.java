package io.tradecore.strategies;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.MomentContext;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.PortfolioView;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds the {@code top} instruments of the feed with the best trailing return over {@code lookback}
 * bars, rebalancing every {@code rebalance} moments. At a rebalance it closes the plans of
 * instruments that left the top; once their exits have filled and freed the cash, it opens plans
 * for the newcomers, each with an equal share of the cash available. Long only, no stops: the
 * rotation ends a holding. Ties in return go to the earlier symbol in alphabetical order, so a run
 * is deterministic. Returns are compared exactly (closes are fixed-point).
 */
public final class MomentumRotation implements PortfolioStrategy {
  private final int top;
  private final int lookback;
  private final int rebalance;
  private final Map<String, Closes> closes = new HashMap<>();
  private final Set<String> toEnter = new LinkedHashSet<>();
  private List<String> wanted = List.of();

  public MomentumRotation(int top, int lookback, int rebalance) {
    if (top < 1 || lookback < 1 || rebalance < 1) {
      throw new IllegalArgumentException("top, lookback and rebalance must be >= 1");
    }
    this.top = top;
    this.lookback = lookback;
    this.rebalance = rebalance;
  }

  @Override
  public String name() {
    return "momentum-rotation";
  }

  @Override
  public List<Action> onMoment(MomentContext context) {
    for (Bar bar : context.bars()) {
      closes.computeIfAbsent(bar.instrument().symbol(), s -> new Closes(lookback + 1)).add(bar);
    }
    PortfolioView portfolio = context.portfolio();
    List<Action> actions = new ArrayList<>();
    if (context.momentIndex() % rebalance == 0) {
      List<String> ranked = ranking(context);
      if (!ranked.isEmpty()) {
        wanted = ranked;
        toEnter.clear();
        Set<String> held = new LinkedHashSet<>();
        for (Plan plan : portfolio.openPlans()) {
          String symbol = plan.instrument().symbol();
          if (wanted.contains(symbol)) {
            held.add(symbol);
          } else {
            actions.add(new Action.ClosePlan(plan.id()));
          }
        }
        for (String symbol : wanted) {
          if (!held.contains(symbol)) {
            toEnter.add(symbol);
          }
        }
        if (!actions.isEmpty()) {
          return actions; // enter once the exits have filled and freed their cash
        }
      }
    }
    if (!toEnter.isEmpty() && !exiting(portfolio)) {
      int left = toEnter.size();
      for (String symbol : toEnter) {
        Instrument instrument = instrument(context, symbol);
        BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(left--), 10, RoundingMode.DOWN);
        PlanSpec spec =
            new PlanSpec(Side.BUY, new Sizing.CashShare(share), 0, 0, 0, 0, TimeInForce.GTC);
        actions.add(new Action.OpenPlan(instrument, spec));
      }
      toEnter.clear();
    }
    return actions;
  }

  /** The symbols to hold: the best trailing returns among those with enough history. */
  private List<String> ranking(MomentContext context) {
    List<Closes> ready = new ArrayList<>();
    for (Instrument i : context.instruments()) {
      Closes c = closes.get(i.symbol());
      if (c != null && c.isFull()) {
        ready.add(c);
      }
    }
    if (ready.size() < top) {
      return List.of();
    }
    ready.sort(
        Comparator.<Closes, BigDecimal>comparing(Closes::trailingReturn)
            .reversed()
            .thenComparing(c -> c.symbol));
    List<String> out = new ArrayList<>(top);
    for (int i = 0; i < top; i++) {
      out.add(ready.get(i).symbol);
    }
    return out;
  }

  /** True while a plan on an instrument that left the top (one it closed) is still open. */
  private boolean exiting(PortfolioView portfolio) {
    for (Plan plan : portfolio.openPlans()) {
      if (!wanted.contains(plan.instrument().symbol())) {
        return true;
      }
    }
    return false;
  }

  private static Instrument instrument(MomentContext context, String symbol) {
    for (Instrument i : context.instruments()) {
      if (i.symbol().equals(symbol)) {
        return i;
      }
    }
    throw new IllegalStateException("no instrument " + symbol);
  }

  /** The last {@code size} closes of one instrument, in a ring. */
  private static final class Closes {
    final long[] ring;
    String symbol;
    int count;
    int next;
    int scale;

    Closes(int size) {
      ring = new long[size];
    }

    void add(Bar bar) {
      symbol = bar.instrument().symbol();
      scale = bar.instrument().priceScale();
      ring[next] = bar.close();
      next = (next + 1) % ring.length;
      count++;
    }

    boolean isFull() {
      return count >= ring.length;
    }

    /** The newest close over the oldest kept, minus one, exactly to 12 decimals. */
    BigDecimal trailingReturn() {
      long newest = ring[(next - 1 + ring.length) % ring.length];
      long oldest = ring[next];
      return BigDecimal.valueOf(newest)
          .divide(BigDecimal.valueOf(oldest), 12, RoundingMode.HALF_EVEN)
          .subtract(BigDecimal.ONE);
    }
  }
}
