package io.tradecore.policy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Quantity;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A trained policy trading through the engine ({@code --strategy policy}). At each moment it adds
 * every bar to its instrument's {@link BarWindow}, asks the policy to decide on each instrument
 * whose window is full enough (all of them on the portfolio as it was before this moment's actions,
 * in the order of the moment's bars), and turns each intent into plan actions:
 *
 * <ul>
 *   <li>enter: close the instrument's open plans and open one of {@code fraction x equity / close}
 *       units (rounded down to whole units of the instrument's quantity scale) at the market, with
 *       the intent's stop and target;
 *   <li>exit: close the instrument's open plans;
 *   <li>rebalance up: open a further plan for the difference, with the stop and target of the open
 *       plan; rebalance down: close the open plans and open one of the target size, with the same
 *       stop and target;
 *   <li>hold: nothing.
 * </ul>
 *
 * Inference runs on the engine thread; the same bars give the same actions (deterministic).
 */
public final class PolicyStrategy implements PortfolioStrategy {
  public static final String NAME = "policy";

  private final Policy policy;
  private final Map<String, BarWindow> windows = new HashMap<>();
  private final Map<String, Integer> barsHeld = new HashMap<>();
  private final Map<String, Integer> heldSign = new HashMap<>();
  private final ViewInput input = new ViewInput(barsHeld);
  private Consumer<PolicyStep> steps;

  public PolicyStrategy(Policy policy) {
    this.policy = policy;
  }

  public Policy policy() {
    return policy;
  }

  /** Hands every step (one per bar of each instrument) to {@code sink}, for a run's trace. */
  public void record(Consumer<PolicyStep> sink) {
    this.steps = sink;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Action> onMoment(MomentContext context) {
    PortfolioView view = context.portfolio();
    input.at(view);
    List<Action> actions = new ArrayList<>();
    for (Bar bar : context.bars()) {
      Instrument instrument = bar.instrument();
      String symbol = instrument.symbol();
      double scale = pow10(instrument.priceScale());
      BarWindow window = windows.computeIfAbsent(symbol, s -> policy.newWindow());
      window.add(
          bar.open() / scale,
          bar.high() / scale,
          bar.low() / scale,
          bar.close() / scale,
          bar.volume());
      countBarsHeld(instrument, bar.time(), view);
      Decision decision = policy.ready(window) ? policy.decide(symbol, window, input) : null;
      if (steps != null) {
        record(context, bar, window, decision);
      }
      if (decision != null) {
        act(decision.intent(), instrument, window.close(0), view, actions);
      }
    }
    return actions;
  }

  private void act(
      Intent intent, Instrument instrument, double close, PortfolioView view, List<Action> out) {
    switch (intent) {
      case Intent.Hold h -> {}
      case Intent.Exit e -> closeAll(view.openPlans(instrument), out);
      case Intent.Enter e -> {
        closeAll(view.openPlans(instrument), out);
        Side side = e.direction() == Direction.LONG ? Side.BUY : Side.SELL;
        Quantity quantity = size(e.fraction(), close, instrument);
        long stop = units(e.stopPrice(), instrument);
        long target = units(e.targetPrice(), instrument);
        out.add(new Action.OpenPlan(instrument, plan(side, quantity, stop, target)));
      }
      case Intent.Rebalance r -> {
        List<Plan> open = view.openPlans(instrument);
        Side side = r.targetFraction() > 0 ? Side.BUY : Side.SELL;
        long want = size(Math.abs(r.targetFraction()), close, instrument).units();
        long held =
            Quantity.of(view.position(instrument.symbol()).abs(), instrument.quantityScale())
                .units();
        long stop = open.isEmpty() ? 0 : open.getFirst().stop();
        long target = open.isEmpty() ? 0 : open.getFirst().target();
        if (want > held) {
          out.add(
              new Action.OpenPlan(
                  instrument, plan(side, quantity(want - held, instrument), stop, target)));
        } else if (want < held) {
          closeAll(open, out);
          if (want > 0) {
            out.add(
                new Action.OpenPlan(
                    instrument, plan(side, quantity(want, instrument), stop, target)));
          }
        }
      }
    }
  }

  private static PlanSpec plan(Side side, Quantity quantity, long stop, long target) {
    return new PlanSpec(side, new Sizing.Fixed(quantity), 0, stop, target, 0, TimeInForce.GTC);
  }

  private static void closeAll(List<Plan> plans, List<Action> out) {
    for (Plan plan : plans) {
      out.add(new Action.ClosePlan(plan.id()));
    }
  }

  /** {@code fraction} of equity at {@code close}, rounded down to the quantity scale. */
  private Quantity size(double fraction, double close, Instrument instrument) {
    double units =
        Math.floor(fraction * input.equity() / close * pow10(instrument.quantityScale()));
    return quantity((long) Math.max(0, units), instrument);
  }

  private static Quantity quantity(long units, Instrument instrument) {
    return new Quantity(units, instrument.quantityScale());
  }

  /** A stop or target price in units at the instrument's price scale, half-even; NaN is 0. */
  private static long units(double price, Instrument instrument) {
    if (Double.isNaN(price)) {
      return 0;
    }
    return BigDecimal.valueOf(price)
        .setScale(instrument.priceScale(), RoundingMode.HALF_EVEN)
        .unscaledValue()
        .longValueExact();
  }

  /**
   * Bars held: 0 on the first bar a position (or its flip) is seen, one more each bar after. A bar
   * from before the instrument's oldest open plan was made counts as flat: a restarted run is shown
   * the moments it had seen with today's position, which was not held then.
   */
  private void countBarsHeld(Instrument instrument, Instant time, PortfolioView view) {
    String symbol = instrument.symbol();
    int sign = view.position(symbol).signum();
    if (sign != 0 && !planMadeBefore(view.openPlans(instrument), time)) {
      sign = 0;
    }
    Integer before = heldSign.put(symbol, sign);
    if (sign == 0) {
      barsHeld.remove(symbol);
    } else if (before == null || before != sign) {
      barsHeld.put(symbol, 0);
    } else {
      barsHeld.merge(symbol, 1, Integer::sum);
    }
  }

  private static boolean planMadeBefore(List<Plan> plans, Instant time) {
    for (Plan plan : plans) {
      if (plan.createdAt().isBefore(time)) {
        return true;
      }
    }
    return false;
  }

  private void record(MomentContext context, Bar bar, BarWindow window, Decision decision) {
    String symbol = bar.instrument().symbol();
    double[] observation = null;
    if (decision != null) {
      observation = new double[policy.observationSize()];
      policy.observe(symbol, window, input, observation);
    }
    PortfolioView view = context.portfolio();
    steps.accept(
        new PolicyStep(
            context.time(),
            context.momentIndex(),
            symbol,
            window.close(0),
            view.position(symbol),
            view.cash(),
            view.equity(),
            observation,
            decision));
  }

  private static double pow10(int scale) {
    return Math.pow(10, scale);
  }
}
