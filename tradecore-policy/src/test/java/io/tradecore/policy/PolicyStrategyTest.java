package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineConfig;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.MomentContext;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.PortfolioView;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.exchange.SimulatedExchange;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.policy.Bars.Ohlcv;
import io.tradecore.policy.OnnxModels.Layer;
import io.tradecore.strategy.api.Params;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --strategy policy} through the engine on a simulated exchange (a backtest): on every bar
 * the observation, the action and the plan actions are checked against the same maths done by hand
 * from the bars and the portfolio the strategy was shown, normalisation and clipping included.
 */
class PolicyStrategyTest {
  private static final Instrument ETH = new Instrument("ETH", "USD", 2, 6);
  private static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final List<Ohlcv> BARS = cents(Bars.series(160));
  private static final double[] POSITIONS = {0, 1, -1};

  @TempDir Path dir;

  /** The portfolio as the strategy was shown it at one moment, and what it answered. */
  private record Seen(
      double equity,
      double cash,
      double quantity,
      double costBasis,
      List<Plan> openPlans,
      List<Action> actions) {}

  @Test
  void a_discrete_policy_enters_exits_and_flips_with_atr_stops_as_the_hand_maths() {
    Layer hidden = HandMaths.layer(9, 6, 0.8, 0.3, true);
    Layer logits = HandMaths.layer(6, 3, 1.5, 1.1, false);
    ObjectNode spec = Specs.discrete();
    ((ObjectNode) spec.get("action"))
        .put("stop_atr", 2.0)
        .put("target_atr", 3.0)
        .put("atr_period", 3);
    Path model = write(spec, "ppo", "logits", hidden, logits);
    Normalization stats = PolicySpecReader.read(PolicySpec.specFileFor(model)).normalization();

    Run run = backtest(model);

    Set<String> kinds = new HashSet<>();
    int clipped = 0;
    int held = 0;
    int sign = 0;
    for (int t = 0; t < BARS.size(); t++) {
      Seen seen = run.seen.get(t);
      PolicyStep step = run.steps.get(t);
      int now = (int) Math.signum(seen.quantity);
      held = now == 0 || now != sign ? 0 : held + 1;
      sign = now;
      if (t < 4) {
        assertThat(step.decision()).as("bar %d: the window is not full yet", t).isNull();
        assertThat(seen.actions).isEmpty();
        continue;
      }
      double close = BARS.get(t).close();
      PortfolioSnapshot portfolio = snapshot(seen, held);
      double[] raw = HandMaths.nineFeatures(BARS, t, portfolio, "ETH");
      double[] normalized =
          HandMaths.normalize(
              raw, HandMaths.array(stats.mean()), HandMaths.array(stats.var()), 5.0, 1e-8);
      double[] out = HandMaths.forward(normalized, hidden, logits);
      int action = HandMaths.argmax(out);

      assertThat(step.observation()).as("bar %d", t).containsExactly(raw, within(1e-9));
      assertThat(step.decision().action()).as("bar %d", t).isEqualTo(action);
      double target = POSITIONS[action];
      double atr =
          (HandMaths.trueRange(BARS, t)
                  + HandMaths.trueRange(BARS, t - 1)
                  + HandMaths.trueRange(BARS, t - 2))
              / 3;
      List<Action> expected = new ArrayList<>();
      String kind = expected(seen, target, close, atr, 2.0, 3.0, 0, expected);
      kinds.add(kind);
      if (kind.startsWith("enter")) {
        PlanSpec plan = ((Action.OpenPlan) expected.getLast()).spec();
        assertThat(plan.stop() / 100.0).isCloseTo(close - target * 2.0 * atr, within(0.005 + 1e-9));
        assertThat(plan.target() / 100.0)
            .isCloseTo(close + target * 3.0 * atr, within(0.005 + 1e-9));
      }
      assertSame(seen.actions, expected, 1e-6 * seen.equity / close + 1e-6, "bar " + t);
      for (double v : normalized) {
        clipped += Math.abs(v) == 5.0 ? 1 : 0;
      }
    }
    assertThat(kinds).contains("enter 1", "enter -1", "exit", "flip to 1", "rebalance up");
    assertThat(clipped).as("observations clipped at clip_obs").isPositive();
    assertThat(run.fills()).as("the plans traded").isGreaterThan(4);
  }

  @Test
  void a_continuous_policy_clips_its_action_and_rebalances_as_the_hand_maths() {
    Layer hidden = HandMaths.layer(9, 5, 0.9, 0.7, true);
    Layer mean = HandMaths.layer(5, 1, 1.6, 2.0, false);
    ObjectNode spec = Specs.continuous();
    ((ObjectNode) spec.get("action"))
        .put("low", -0.8)
        .put("high", 0.8)
        .put("rebalance_threshold", 0.05);
    Path model = write(spec, "cont", "action", hidden, mean);
    Normalization stats = PolicySpecReader.read(PolicySpec.specFileFor(model)).normalization();

    Run run = backtest(model);

    Set<String> kinds = new HashSet<>();
    int clippedActions = 0;
    int held = 0;
    int sign = 0;
    for (int t = 4; t < BARS.size(); t++) {
      Seen seen = run.seen.get(t);
      int now = (int) Math.signum(seen.quantity);
      held = now == 0 || now != sign ? 0 : held + 1;
      sign = now;
      double close = BARS.get(t).close();
      double[] raw = HandMaths.nineFeatures(BARS, t, snapshot(seen, held), "ETH");
      double[] normalized =
          HandMaths.normalize(
              raw, HandMaths.array(stats.mean()), HandMaths.array(stats.var()), 5.0, 1e-8);
      double out = HandMaths.forward(normalized, hidden, mean)[0];
      double target = Math.max(-0.8, Math.min(0.8, out));
      clippedActions += target != out ? 1 : 0;

      PolicyStep step = run.steps.get(t);
      assertThat(step.decision().action()).as("bar %d", t).isCloseTo(target, within(1e-6));
      double current = seen.quantity * close / seen.equity;
      assertThat(step.decision().currentFraction()).isCloseTo(current, within(1e-9));

      List<Action> expected = new ArrayList<>();
      kinds.add(expected(seen, target, close, Double.NaN, 0, 0, 0.05, expected));
      assertThat(run.steps.get(t).decision().action()).isCloseTo(target, within(1e-6));
      assertSame(seen.actions, expected, 1e-6 * seen.equity / close + 1e-6, "bar " + t);
    }
    assertThat(kinds).contains("enter 1", "rebalance up", "rebalance down", "hold");
    assertThat(clippedActions).as("actions clipped to [low, high]").isPositive();
  }

  @Test
  void a_restarted_engine_warmed_up_on_the_bars_it_had_seen_observes_as_an_uninterrupted_one() {
    Layer hidden = HandMaths.layer(9, 6, 0.8, 0.3, true);
    Layer logits = HandMaths.layer(6, 3, 1.5, 1.1, false);
    ObjectNode spec = Specs.discrete();
    ((ObjectNode) spec.get("action")).put("rebalance_threshold", 0.5);
    Path model = write(spec, "ppo", "logits", hidden, logits);
    PolicyStrategyProvider provider = new PolicyStrategyProvider();
    PolicyStrategy first = (PolicyStrategy) provider.portfolio(params(model.toString())).get();
    List<PolicyStep> uninterrupted = new ArrayList<>();
    first.record(uninterrupted::add);
    List<EngineEvent> events = new ArrayList<>();
    Engine a = engine(first, newPortfolio(), events);
    // Run until a position has been held for three bars and the last moment sent no order.
    int k = 0;
    while (k < BARS.size() - 2) {
      int sent = events.size();
      a.onMoment(moment(k));
      PolicyStep step = uninterrupted.getLast();
      boolean quiet =
          events.subList(sent, events.size()).stream()
              .noneMatch(e -> e instanceof EngineEvent.OrderSubmitted);
      if (quiet && step.observation() != null && step.observation()[8] >= 0.3) {
        break;
      }
      k++;
    }
    assertThat(k).as("a position held three bars").isLessThan(BARS.size() - 2);

    // The restart: the fills and the open plans, then the moments it had committed, as warm-up.
    Portfolio restored = newPortfolio();
    events.stream()
        .filter(e -> e instanceof EngineEvent.OrderFilled)
        .forEach(e -> restored.apply(((EngineEvent.OrderFilled) e).fill()));
    PolicyStrategy second = (PolicyStrategy) provider.portfolio(params(model.toString())).get();
    List<PolicyStep> afterRestart = new ArrayList<>();
    second.record(afterRestart::add);
    Engine b = engine(second, restored, new ArrayList<>());
    for (Plan plan : a.portfolio().openPlans()) {
      b.restorePlan(plan, 0);
    }
    for (int t = 0; t <= k; t++) {
      b.warmUp(moment(t));
    }
    a.onMoment(moment(k + 1));
    b.onMoment(moment(k + 1));

    PolicyStep expected = uninterrupted.getLast();
    PolicyStep actual = afterRestart.getLast();
    assertThat(actual.observation()[8]).as("bars held / 10").isGreaterThanOrEqualTo(0.4);
    assertThat(actual.observation()).containsExactly(expected.observation(), within(1e-12));
    assertThat(actual.decision()).isEqualTo(expected.decision());
  }

  @Test
  void the_catalog_names_a_missing_model_a_missing_parameter_and_a_malformed_model()
      throws Exception {
    PolicyStrategyProvider provider = new PolicyStrategyProvider();
    assertThatThrownBy(() -> provider.portfolio(params("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "strategy policy needs --param model=VALUE: The policy's .onnx file, with"
                + " PATH.spec.json beside it.");
    Path missing = dir.resolve("none.onnx");
    assertThatThrownBy(() -> provider.portfolio(params(missing.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(missing + ": no such model file");
    Path broken = Files.writeString(dir.resolve("broken.onnx"), "not a model");
    Specs.write(dir.resolve("broken.spec.json"), Specs.discrete());
    assertThatThrownBy(() -> provider.portfolio(params(broken.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(broken + ": not a usable ONNX model")
        .hasMessageNotContaining("\n");
  }

  // ---- the backtest ------------------------------------------------------------------------

  private record Run(List<Seen> seen, List<PolicyStep> steps, List<EngineEvent> events) {
    long fills() {
      return events.stream().filter(e -> e instanceof EngineEvent.OrderFilled).count();
    }
  }

  /** Every bar through a real engine and simulated exchange (10 bps fees) with the policy. */
  private Run backtest(Path model) {
    PolicyStrategy policy =
        (PolicyStrategy) new PolicyStrategyProvider().portfolio(params(model.toString())).get();
    List<PolicyStep> steps = new ArrayList<>();
    policy.record(steps::add);
    List<Seen> seen = new ArrayList<>();
    List<EngineEvent> events = new ArrayList<>();
    PortfolioStrategy watched =
        new PortfolioStrategy() {
          @Override
          public String name() {
            return policy.name();
          }

          @Override
          public List<Action> onMoment(MomentContext context) {
            PortfolioView v = context.portfolio();
            double equity = v.equity().doubleValue();
            double cash = v.cash().doubleValue();
            double quantity = v.position("ETH").doubleValue();
            double cost = v.costBasis("ETH").doubleValue();
            List<Plan> open = List.copyOf(v.openPlans(ETH));
            List<Action> actions = policy.onMoment(context);
            seen.add(new Seen(equity, cash, quantity, cost, open, actions));
            return actions;
          }
        };
    Engine engine = engine(watched, newPortfolio(), events);
    for (int t = 0; t < BARS.size(); t++) {
      engine.onMoment(moment(t));
    }
    assertThat(events).noneMatch(e -> e instanceof EngineEvent.EngineError);
    return new Run(seen, steps, events);
  }

  private static Portfolio newPortfolio() {
    return new Portfolio(new PortfolioId("p"), "USD", new BigDecimal("10000.00"));
  }

  /** An engine on a simulated exchange with 10 bps fees. */
  private static Engine engine(
      PortfolioStrategy strategy, Portfolio portfolio, List<EngineEvent> events) {
    return Engine.builder()
        .config(EngineConfig.defaults())
        .portfolio(portfolio)
        .venue(new SimulatedExchange("SIM", ExecutionCosts.of(10, 0, 0), null))
        .risk(RiskLimits.NONE)
        .strategy(strategy)
        .clock(Clock.fixed(DAY0, ZoneOffset.UTC))
        .listener(events::add)
        .build();
  }

  /** Bar {@code t} of the series as the engine's one-bar moment. */
  private static Moment moment(int t) {
    Ohlcv b = BARS.get(t);
    return Moment.of(
        new Bar(
            ETH,
            DAY0.plus(t, ChronoUnit.DAYS),
            Math.round(b.open() * 100),
            Math.round(b.high() * 100),
            Math.round(b.low() * 100),
            Math.round(b.close() * 100),
            b.volume()));
  }

  private Path write(ObjectNode spec, String name, String output, Layer... layers) {
    Specs.write(dir.resolve(name + ".spec.json"), spec);
    return OnnxModels.mlp(dir.resolve(name + ".onnx"), "obs", new long[] {-1, 9}, output, layers);
  }

  /**
   * The actions are the expected ones: the same plans closed, and plans opened on the same side
   * with the same stop and target, of a quantity within {@code tolerance} (1e-6 of the target
   * fraction: the model computes in float32, the hand maths in double).
   */
  private static void assertSame(
      List<Action> actual, List<Action> expected, double tolerance, String where) {
    assertThat(actual).as(where).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      if (!(expected.get(i) instanceof Action.OpenPlan e)) {
        assertThat(actual.get(i)).as(where).isEqualTo(expected.get(i));
        continue;
      }
      assertThat(actual.get(i)).as(where).isInstanceOf(Action.OpenPlan.class);
      Action.OpenPlan a = (Action.OpenPlan) actual.get(i);
      assertThat(a.instrument()).isEqualTo(e.instrument());
      PlanSpec as = a.spec();
      PlanSpec es = e.spec();
      assertThat(List.of(as.side(), as.stop(), as.target(), as.entryLimit(), as.timeInForce()))
          .as(where)
          .isEqualTo(List.of(es.side(), es.stop(), es.target(), es.entryLimit(), es.timeInForce()));
      double aq = ((Sizing.Fixed) as.sizing()).quantity().toBigDecimal().doubleValue();
      double eq = ((Sizing.Fixed) es.sizing()).quantity().toBigDecimal().doubleValue();
      assertThat(aq).as(where).isCloseTo(eq, within(tolerance));
    }
  }

  // ---- the hand maths --------------------------------------------------------------------

  /**
   * The actions for a target fraction, as docs/rl-policies.md and the strategy's contract state
   * them; returns which case it was.
   */
  private static String expected(
      Seen seen,
      double target,
      double close,
      double atr,
      double stopAtr,
      double targetAtr,
      double threshold,
      List<Action> out) {
    double q = seen.quantity;
    double current = q * close / seen.equity;
    if (target == 0) {
      closeAll(seen, out);
      return q == 0 ? "hold" : "exit";
    }
    if (q == 0 || Math.signum(target) != Math.signum(q)) {
      closeAll(seen, out);
      double stop = stopAtr == 0 ? 0 : close - Math.signum(target) * stopAtr * atr;
      double goal = targetAtr == 0 ? 0 : close + Math.signum(target) * targetAtr * atr;
      out.add(
          new Action.OpenPlan(
              ETH, plan(target, Math.abs(target) * seen.equity / close, stop, goal)));
      return (q == 0 ? "enter " : "flip to ") + (int) Math.signum(target);
    }
    if (Math.abs(target - current) <= threshold) {
      return "hold";
    }
    long want = units(Math.abs(target) * seen.equity / close);
    long have = Math.round(Math.abs(q) * 1e6);
    Plan first = seen.openPlans.getFirst();
    Side side = target > 0 ? Side.BUY : Side.SELL;
    if (want == have) {
      // Already the quantity the target asks for (an entry sized to all the cash it had).
      return "hold";
    }
    if (want > have) {
      out.add(new Action.OpenPlan(ETH, fixed(side, want - have, first.stop(), first.target())));
      return "rebalance up";
    }
    closeAll(seen, out);
    out.add(new Action.OpenPlan(ETH, fixed(side, want, first.stop(), first.target())));
    return "rebalance down";
  }

  private static PortfolioSnapshot snapshot(Seen seen, int barsHeld) {
    Map<String, Holding> holdings =
        seen.quantity == 0
            ? Map.of()
            : Map.of("ETH", new Holding(seen.quantity, seen.costBasis / seen.quantity, barsHeld));
    return new PortfolioSnapshot(seen.equity, seen.cash, holdings);
  }

  private static void closeAll(Seen seen, List<Action> out) {
    for (Plan plan : seen.openPlans) {
      out.add(new Action.ClosePlan(plan.id()));
    }
  }

  /** A market plan of {@code units} (signed by the target), stop and target at the tick. */
  private static PlanSpec plan(double target, double units, double stop, double goal) {
    return fixed(
        target > 0 ? Side.BUY : Side.SELL,
        PolicyStrategyTest.units(units),
        cents(stop),
        cents(goal));
  }

  private static PlanSpec fixed(Side side, long units, long stop, long goal) {
    return new PlanSpec(
        side, new Sizing.Fixed(new Quantity(units, 6)), 0, stop, goal, 0, TimeInForce.GTC);
  }

  /** Whole millionths, rounded down. */
  private static long units(double quantity) {
    return (long) Math.floor(quantity * 1e6);
  }

  private static long cents(double price) {
    return price > 0
        ? new BigDecimal(Double.toString(price))
            .setScale(2, RoundingMode.HALF_EVEN)
            .unscaledValue()
            .longValueExact()
        : 0;
  }

  /** The series at whole cents, as the engine's bars carry it. */
  private static List<Ohlcv> cents(List<Ohlcv> bars) {
    List<Ohlcv> out = new ArrayList<>();
    for (Ohlcv b : bars) {
      out.add(
          new Ohlcv(
              Math.round(b.open() * 100) / 100.0,
              Math.round(b.high() * 100) / 100.0,
              Math.round(b.low() * 100) / 100.0,
              Math.round(b.close() * 100) / 100.0,
              b.volume()));
    }
    return out;
  }

  /** The parameters as the catalog checks them before the provider sees them. */
  private static Params params(String model) {
    return new PolicyStrategyProvider().parameters().check("policy", Map.of("model", model));
  }
}
