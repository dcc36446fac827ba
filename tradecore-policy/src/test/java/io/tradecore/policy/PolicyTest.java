package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecore.policy.Bars.Ohlcv;
import io.tradecore.policy.OnnxModels.Layer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies over 80 bars with an account that follows their intents: every observation, normalised
 * observation, model output and action is checked against the same maths done by hand.
 */
class PolicyTest {
  private static final List<Ohlcv> BARS = Bars.series(80);
  private static final double[] POSITIONS = {0, 1, -1};

  @TempDir Path dir;

  @Test
  void a_discrete_two_layer_tanh_mlp_acts_as_the_hand_maths_on_every_bar() {
    Layer hidden = HandMaths.layer(9, 6, 0.8, 0.3, true);
    Layer logits = HandMaths.layer(6, 3, 1.5, 1.1, false);
    Path model =
        OnnxModels.mlp(
            dir.resolve("ppo.onnx"), "obs", new long[] {-1, 9}, "logits", hidden, logits);
    ObjectNode json = Specs.discrete();
    Specs.write(dir.resolve("ppo.spec.json"), json);
    Normalization stats = PolicySpecReader.read(dir.resolve("ppo.spec.json")).normalization();
    double[] mean = HandMaths.array(stats.mean());
    double[] var = HandMaths.array(stats.var());

    Set<Double> actions = new HashSet<>();
    int clipped = 0;
    try (Policy policy = Policy.load(model)) {
      BarWindow window = policy.newWindow();
      PaperAccount account = new PaperAccount("ETH", 10_000);
      double[] raw = new double[9];
      double[] normalized = new double[9];
      double[] out = new double[3];
      for (int t = 0; t < BARS.size(); t++) {
        Ohlcv bar = BARS.get(t);
        window.add(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        if (!policy.ready(window)) {
          assertThat(t).isLessThan(5);
          continue;
        }
        PortfolioSnapshot portfolio = account.snapshot(bar.close());
        double[] handRaw = HandMaths.nineFeatures(BARS, t, portfolio, "ETH");
        double[] handNormalized = HandMaths.normalize(handRaw, mean, var, 5.0, 1e-8);
        double[] handLogits = HandMaths.forward(handNormalized, hidden, logits);

        policy.observe("ETH", window, portfolio, raw);
        policy.normalize(raw, normalized);
        policy.model().run(normalized, out);
        Decision decision = policy.decide("ETH", window, portfolio);

        assertThat(raw).as("bar %d", t).containsExactly(handRaw, within(1e-12));
        assertThat(normalized).as("bar %d", t).containsExactly(handNormalized, within(1e-9));
        assertThat(out).as("bar %d", t).containsExactly(handLogits, within(1e-6));
        int action = HandMaths.argmax(handLogits);
        assertThat(decision.action()).as("bar %d", t).isEqualTo(action);
        assertThat(decision.targetFraction()).isEqualTo(POSITIONS[action]);
        assertThat(decision.currentFraction())
            .isCloseTo(handRaw[5], within(1e-12)); // position_fraction
        actions.add(decision.action());
        for (double v : handNormalized) {
          clipped += Math.abs(v) == 5.0 ? 1 : 0;
        }
        account.apply(decision.intent(), bar.close());
      }
    }
    assertThat(actions).as("the run visits every action").containsExactlyInAnyOrder(0.0, 1.0, 2.0);
    assertThat(clipped).as("some observations were clipped at clip_obs").isPositive();
  }

  @Test
  void a_continuous_linear_policy_clips_its_target_to_the_action_bounds() {
    Layer linear = HandMaths.layer(9, 1, 0.6, 2.0, false);
    Path model =
        OnnxModels.mlp(dir.resolve("lin.onnx"), "obs", new long[] {1, 9}, "action", linear);
    Specs.write(dir.resolve("lin.spec.json"), Specs.continuous());
    Normalization stats = PolicySpecReader.read(dir.resolve("lin.spec.json")).normalization();

    int clippedHigh = 0;
    int clippedLow = 0;
    int inside = 0;
    try (Policy policy = Policy.load(model)) {
      PaperAccount account = new PaperAccount("BTC", 50_000);
      for (int t = policy.barsNeeded() - 1; t < BARS.size(); t++) {
        double close = BARS.get(t).close();
        PortfolioSnapshot portfolio = account.snapshot(close);
        double[] hand =
            HandMaths.forward(
                HandMaths.normalize(
                    HandMaths.nineFeatures(BARS, t, portfolio, "BTC"),
                    HandMaths.array(stats.mean()),
                    HandMaths.array(stats.var()),
                    5.0,
                    1e-8),
                linear);
        double expected = Math.max(-1, Math.min(1, hand[0]));

        Decision decision = policy.decide("BTC", Bars.window(BARS, t, 10), portfolio);

        assertThat(decision.action()).as("bar %d", t).isCloseTo(expected, within(1e-6));
        assertThat(decision.targetFraction()).isEqualTo(decision.action());
        clippedHigh += hand[0] > 1 ? 1 : 0;
        clippedLow += hand[0] < -1 ? 1 : 0;
        inside += Math.abs(hand[0]) < 1 ? 1 : 0;
        account.apply(decision.intent(), close);
      }
    }
    assertThat(clippedHigh).as("outputs above high").isPositive();
    assertThat(clippedLow).as("outputs below low").isPositive();
    assertThat(inside).as("outputs inside the bounds").isPositive();
  }

  @Test
  void a_float64_model_gets_the_observation_unrounded() {
    Layer hidden = HandMaths.layer(9, 4, 0.7, 0.9, true);
    Layer head = HandMaths.layer(4, 1, 0.9, 0.2, false);
    Path model =
        OnnxModels.mlpDouble(
            dir.resolve("f64.onnx"), "obs", new long[] {-1, 9}, "action", hidden, head);
    ObjectNode json = Specs.continuous();
    json.remove("normalization");
    Specs.write(dir.resolve("f64.spec.json"), json);
    PortfolioSnapshot portfolio = PortfolioSnapshot.ofCash(1000);

    try (Policy policy = Policy.load(model)) {
      assertThat(policy.model().isDouble()).isTrue();
      for (int t = 4; t < BARS.size(); t++) {
        double[] hand =
            HandMaths.forwardDouble(HandMaths.nineFeatures(BARS, t, portfolio, "X"), hidden, head);

        Decision decision = policy.decide("X", Bars.window(BARS, t, 5), portfolio);

        assertThat(decision.action()).isCloseTo(Math.max(-1, Math.min(1, hand[0])), within(1e-12));
      }
    }
  }

  @Test
  void a_model_that_outputs_the_action_index_is_read_as_it_is() {
    Layer hidden = HandMaths.layer(9, 5, 0.8, 0.3, true);
    Layer logits = HandMaths.layer(5, 3, 1.5, 1.1, false);
    Path model =
        OnnxModels.argmax(
            dir.resolve("idx.onnx"), "obs", new long[] {-1, 9}, "action", hidden, logits);
    ObjectNode json = Specs.discrete();
    ((ObjectNode) json.get("output")).put("name", "action");
    ((ObjectNode) json.get("action")).put("output", "index");
    json.remove("normalization");
    Specs.write(dir.resolve("idx.spec.json"), json);
    PortfolioSnapshot portfolio = PortfolioSnapshot.ofCash(1000);

    try (Policy policy = Policy.load(model)) {
      for (int t = 4; t < BARS.size(); t++) {
        double[] hand =
            HandMaths.forward(HandMaths.nineFeatures(BARS, t, portfolio, "X"), hidden, logits);

        Decision decision = policy.decide("X", Bars.window(BARS, t, 5), portfolio);

        assertThat(decision.action()).as("bar %d", t).isEqualTo(HandMaths.argmax(hand));
      }
    }
  }
}
