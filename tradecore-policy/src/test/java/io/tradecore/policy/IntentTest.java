package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.policy.Bars.Ohlcv;
import io.tradecore.policy.OnnxModels.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a target fraction becomes hold, exit, enter or rebalance, with ATR stops and targets. */
class IntentTest {
  private static final List<Ohlcv> BARS = Bars.series(40);
  private static final Path MODEL = Path.of("model.onnx");

  @TempDir Path dir;

  private final ActionMapper mapper =
      new ActionMapper(
          new ActionSpec.Continuous(-1, 1, new TradeRules(0.05, Double.NaN, Double.NaN, 14)),
          MODEL);

  @Test
  void within_the_rebalance_threshold_the_position_is_held() {
    assertThat(mapper.intent(0.6, 10, 0.56, 100, Double.NaN)).isEqualTo(Intent.HOLD);
    assertThat(mapper.intent(-0.6, -10, -0.64, 100, Double.NaN)).isEqualTo(Intent.HOLD);
  }

  @Test
  void beyond_the_threshold_in_the_same_direction_the_position_is_rebalanced() {
    assertThat(mapper.intent(0.6, 10, 0.3, 100, Double.NaN)).isEqualTo(new Intent.Rebalance(0.6));
    assertThat(mapper.intent(-0.2, -10, -0.5, 100, Double.NaN))
        .isEqualTo(new Intent.Rebalance(-0.2));
  }

  @Test
  void a_flat_target_exits_whatever_the_threshold_and_holds_when_already_flat() {
    assertThat(mapper.intent(0, 10, 0.01, 100, Double.NaN)).isEqualTo(Intent.EXIT);
    assertThat(mapper.intent(0, 0, 0, 100, Double.NaN)).isEqualTo(Intent.HOLD);
  }

  @Test
  void a_target_from_flat_or_across_zero_enters_even_below_the_threshold() {
    assertThat(mapper.intent(0.01, 0, 0, 100, Double.NaN))
        .isEqualTo(new Intent.Enter(Direction.LONG, 0.01, Double.NaN, Double.NaN));
    assertThat(mapper.intent(-0.5, 3, 0.02, 100, Double.NaN))
        .isEqualTo(new Intent.Enter(Direction.SHORT, 0.5, Double.NaN, Double.NaN));
  }

  @Test
  void an_entry_gets_its_stop_and_target_in_atrs_of_the_latest_close() {
    Path model = constant(0.75, "long");
    ObjectNode json = Specs.continuous();
    ((ObjectNode) json.get("action"))
        .put("stop_atr", 2.0)
        .put("target_atr", 3.0)
        .put("atr_period", 14);
    Specs.write(dir.resolve("long.spec.json"), json);
    int t = 30;
    double close = BARS.get(t).close();
    double atr = 0;
    for (int i = t - 13; i <= t; i++) {
      atr += HandMaths.trueRange(BARS, i) / 14;
    }

    try (Policy policy = Policy.load(model)) {
      assertThat(policy.barsNeeded()).isEqualTo(15);
      Decision d = policy.decide("SOL", Bars.window(BARS, t, 15), PortfolioSnapshot.ofCash(1000));

      assertThat(d.action()).isCloseTo(0.75, within(1e-7));
      Intent.Enter enter = (Intent.Enter) d.intent();
      assertThat(enter.direction()).isEqualTo(Direction.LONG);
      assertThat(enter.stopPrice()).isCloseTo(close - 2 * atr, within(1e-9));
      assertThat(enter.targetPrice()).isCloseTo(close + 3 * atr, within(1e-9));
    }
  }

  @Test
  void a_short_entry_has_its_stop_above_and_its_target_below() {
    Path model = constant(-0.4, "short");
    ObjectNode json = Specs.continuous();
    ((ObjectNode) json.get("action")).put("stop_atr", 1.5);
    Specs.write(dir.resolve("short.spec.json"), json);
    int t = 25;
    PortfolioSnapshot longNow =
        new PortfolioSnapshot(1000, 500, Map.of("SOL", new Holding(4, 110, 6)));

    try (Policy policy = Policy.load(model)) {
      Decision d = policy.decide("SOL", Bars.window(BARS, t, 20), longNow);

      Intent.Enter enter = (Intent.Enter) d.intent();
      assertThat(enter.direction()).isEqualTo(Direction.SHORT);
      assertThat(enter.fraction()).isCloseTo(0.4, within(1e-7));
      assertThat(enter.stopPrice()).isGreaterThan(BARS.get(t).close());
      assertThat(enter.targetPrice()).as("no target_atr: no target").isNaN();
      assertThat(d.currentFraction()).isCloseTo(4 * BARS.get(t).close() / 1000, within(1e-12));
    }
  }

  @Test
  void an_index_outside_the_actions_is_an_error_naming_the_model() {
    Layer four = new Layer(new float[9][4], new float[] {0, 0, 0, 1}, false);
    Path model =
        OnnxModels.argmax(dir.resolve("four.onnx"), "obs", new long[] {-1, 9}, "action", four);
    ObjectNode json = Specs.discrete();
    ((ObjectNode) json.get("output")).put("name", "action");
    ((ObjectNode) json.get("action")).put("output", "index");
    Specs.write(dir.resolve("four.spec.json"), json);

    try (Policy policy = Policy.load(model)) {
      assertThatThrownBy(
              () -> policy.decide("X", Bars.window(BARS, 10, 5), PortfolioSnapshot.ofCash(1000)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(model + ": the model gave action 3.0, not one of 0..2");
    }
  }

  /** A linear model whose output is {@code value} whatever it observes. */
  private Path constant(double value, String name) {
    Layer layer = new Layer(new float[9][1], new float[] {(float) value}, false);
    return OnnxModels.mlp(dir.resolve(name + ".onnx"), "obs", new long[] {-1, 9}, "action", layer);
  }
}
