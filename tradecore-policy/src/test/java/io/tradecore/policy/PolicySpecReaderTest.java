package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicySpecReaderTest {
  @TempDir Path dir;

  @Test
  void reads_features_normalization_and_a_discrete_action_in_order() {
    Path file = Specs.write(dir.resolve("model.spec.json"), Specs.discrete());

    PolicySpec spec = PolicySpecReader.read(file);

    assertThat(spec.inputName()).isEqualTo("obs");
    assertThat(spec.inputShape()).containsExactly(1L, 9L);
    assertThat(spec.outputName()).isEqualTo("logits");
    assertThat(spec.features())
        .containsExactly(
            new Feature.LogReturn(1, 0),
            new Feature.LogReturn(2, 1),
            new Feature.SmaRatio(5, 0),
            new Feature.AtrRatio(3, 0),
            new Feature.VolumeZScore(4, 0),
            new Feature.PositionFraction(),
            new Feature.CashFraction(),
            new Feature.UnrealizedPnlRatio(),
            new Feature.BarsHeld(10));
    assertThat(spec.normalization().mean()).hasSize(9).startsWith(0.001, 0.002);
    assertThat(spec.normalization().var()).endsWith(0.01, 0.3);
    assertThat(spec.normalization().clipObs()).isEqualTo(5.0);
    assertThat(spec.normalization().epsilon()).isEqualTo(1e-8);
    assertThat(spec.action())
        .isEqualTo(new ActionSpec.Discrete(true, List.of(0.0, 1.0, -1.0), TradeRules.NONE));
    // log_return k=2 lag=1 looks back 4 bars; atr_ratio n=3 needs the close before its 3 bars.
    assertThat(spec.barsNeeded()).isEqualTo(5);
  }

  @Test
  void reads_a_continuous_action_with_its_rebalance_threshold_and_atr_exits() {
    ObjectNode json = Specs.continuous();
    ((ObjectNode) json.get("action"))
        .put("low", 0.0)
        .put("high", 0.5)
        .put("rebalance_threshold", 0.05)
        .put("stop_atr", 2.0)
        .put("target_atr", 3.5)
        .put("atr_period", 20);
    json.remove("normalization");

    PolicySpec spec = PolicySpecReader.read(Specs.write(dir.resolve("c.spec.json"), json));

    assertThat(spec.action())
        .isEqualTo(new ActionSpec.Continuous(0.0, 0.5, new TradeRules(0.05, 2.0, 3.5, 20)));
    assertThat(spec.barsNeeded()).isEqualTo(21);
    double[] raw = {1.5, -2, 3, 4, 5, 6, 7, 8, 9};
    double[] out = new double[9];
    spec.normalization().apply(raw, out);
    assertThat(out).as("no normalization: the raw observation").containsExactly(raw);
  }

  @Test
  void the_spec_beside_a_model_shares_its_name() {
    assertThat(PolicySpec.specFileFor(Path.of("runs", "ppo.onnx")))
        .isEqualTo(Path.of("runs", "ppo.spec.json"));
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        bad(
            "format",
            s -> s.put("format", "sb3"),
            "format must be 'tradecore-policy' but was 'sb3'"),
        bad(
            "version",
            s -> s.put("version", 2),
            "version 2 is not supported (this TradeCore reads version 1)"),
        bad("typo", s -> s.put("modle", "x.onnx"), "unknown field 'modle'"),
        bad("no features", s -> s.remove("features"), "missing field 'features'"),
        bad(
            "unknown feature",
            s -> feature(s, 2).put("name", "sma_ratoi"),
            "features[2]: unknown feature 'sma_ratoi' (known: atr_ratio, bars_held, cash_fraction,"),
        bad(
            "feature without name",
            s -> feature(s, 3).remove("name"),
            "missing field 'features[3].name'"),
        bad(
            "period 0",
            s -> feature(s, 2).put("n", 0),
            "features[2].n must be an integer >= 1 but was 0"),
        bad("period missing", s -> feature(s, 3).remove("n"), "missing field 'features[3].n'"),
        bad(
            "lag on the portfolio",
            s -> feature(s, 5).put("lag", 1),
            "unknown field 'features[5].lag'"),
        bad(
            "bad scale",
            s -> feature(s, 8).put("scale", 0),
            "features[8].scale must be > 0 but was 0.0"),
        bad(
            "short mean",
            s -> ((ArrayNode) s.at("/normalization/mean")).remove(0),
            "normalization.mean has 8 values but there are 9 features"),
        bad(
            "long var",
            s -> ((ArrayNode) s.at("/normalization/var")).add(1.0),
            "normalization.var has 10 values but there are 9 features"),
        bad(
            "negative var",
            s -> ((ArrayNode) s.at("/normalization/var")).set(1, -0.5),
            "normalization.var[1] is negative (-0.5)"),
        bad(
            "zero variance without epsilon",
            s -> {
              ((ArrayNode) s.at("/normalization/var")).set(3, 0.0);
              ((ObjectNode) s.get("normalization")).put("epsilon", 0.0);
            },
            "normalization.var[3] + epsilon is 0: the feature cannot be normalised"),
        bad(
            "no clip",
            s -> ((ObjectNode) s.get("normalization")).remove("clip_obs"),
            "missing field 'normalization.clip_obs'"),
        bad(
            "zero clip",
            s -> ((ObjectNode) s.get("normalization")).put("clip_obs", 0),
            "normalization.clip_obs must be > 0 but was 0.0"),
        bad(
            "shape",
            s -> ((ArrayNode) s.at("/input/shape")).set(1, 8),
            "input.shape [1, 8] holds 8 values but there are 9 features"),
        bad(
            "shape zero",
            s -> ((ArrayNode) s.at("/input/shape")).set(0, 0),
            "input.shape[0] must be an integer >= 1 but was 0"),
        bad("no output", s -> s.remove("output"), "missing field 'output'"),
        bad(
            "action type",
            s -> ((ObjectNode) s.get("action")).put("type", "binary"),
            "action.type must be 'discrete' or 'continuous' but was 'binary'"),
        bad(
            "position word",
            s -> ((ArrayNode) s.at("/action/positions")).set(1, "up"),
            "action.positions[1] must be a fraction of equity or one of flat, long, short but was \"up\""),
        bad(
            "one position",
            s -> ((ObjectNode) s.get("action")).putArray("positions").add(1),
            "action.positions must list at least 2 actions but has 1"),
        bad(
            "output kind",
            s -> ((ObjectNode) s.get("action")).put("output", "probs"),
            "action.output must be 'logits' or 'index' but was 'probs'"),
        bad(
            "stop",
            s -> ((ObjectNode) s.get("action")).put("stop_atr", -1),
            "action.stop_atr must be > 0 but was -1.0"),
        bad(
            "low above high",
            s ->
                s.set(
                    "action",
                    ((ObjectNode) Specs.continuous().get("action"))
                        .put("low", 1.0)
                        .put("high", 1.0)),
            "action.low (1.0) must be below action.high (1.0)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void a_broken_spec_is_a_one_line_error_naming_the_file_and_field(
      String what, Consumer<ObjectNode> change, String message) {
    ObjectNode json = Specs.discrete();
    change.accept(json);
    Path file = Specs.write(dir.resolve("broken.spec.json"), json);

    assertThatThrownBy(() -> PolicySpecReader.read(file))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(message)
        .extracting(Throwable::getMessage)
        .asString()
        .doesNotContain("\n");
  }

  @Test
  void nan_statistics_as_python_writes_them_are_refused_by_name() throws Exception {
    ObjectNode json = Specs.discrete();
    ((ArrayNode) json.at("/normalization/var")).set(2, 777.0);
    String text = Specs.JSON.writeValueAsString(json).replace("777.0", "NaN");
    Path file = Specs.write(dir.resolve("nan.spec.json"), text);

    assertThatThrownBy(() -> PolicySpecReader.read(file))
        .hasMessage(file + ": normalization.var[2] is NaN");
  }

  @Test
  void a_file_that_is_not_json_names_the_line() {
    Path file = Specs.write(dir.resolve("bad.spec.json"), "{\n  \"format\": tradecore\n}");

    assertThatThrownBy(() -> PolicySpecReader.read(file))
        .hasMessageStartingWith(file + ": not valid JSON: ")
        .hasMessageEndingWith("at line 2 column 13");
  }

  @Test
  void a_missing_spec_file_says_where_it_was_looked_for() {
    Path file = dir.resolve("model.spec.json");

    assertThatThrownBy(() -> PolicySpecReader.read(file))
        .hasMessage(file + ": no such spec file (a model's spec lies beside it)");
  }

  private static ObjectNode feature(ObjectNode spec, int index) {
    return (ObjectNode) spec.get("features").get(index);
  }

  private static Arguments bad(String what, Consumer<ObjectNode> change, String message) {
    return Arguments.of(what, change, message);
  }
}
