package io.tradecore.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradecore.policy.Bars.Ohlcv;
import io.tradecore.policy.OnnxModels.Layer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces recorded from the hand maths, replayed through the model. */
class PolicyReplayTest {
  private static final List<Ohlcv> BARS = Bars.series(70);
  private static final Layer LINEAR = HandMaths.layer(9, 1, 0.6, 2.0, false);

  @TempDir Path dir;
  private Path model;
  private Normalization stats;

  @BeforeEach
  void continuousPolicy() {
    model = OnnxModels.mlp(dir.resolve("lin.onnx"), "obs", new long[] {-1, 9}, "action", LINEAR);
    Specs.write(dir.resolve("lin.spec.json"), Specs.continuous());
    stats = PolicySpecReader.read(dir.resolve("lin.spec.json")).normalization();
  }

  @Test
  void a_trace_recorded_by_the_same_maths_replays_within_a_millionth() {
    Path trace = trace(false, UnaryOperator.identity());

    ReplayReport report = replay(trace, PolicyReplay.Options.DEFAULTS);

    assertThat(report.rows()).isEqualTo(2 * 66);
    assertThat(report.skipped()).isZero();
    assertThat(report.maxDifference()).isLessThan(1e-6);
    assertThat(report.withinTolerance()).isTrue();
  }

  @Test
  void the_largest_difference_is_reported_with_its_row_line_step_and_env() {
    Path trace =
        trace(
            false,
            row ->
                row.startsWith("37,1,")
                    ? row.substring(0, row.lastIndexOf(',') + 1) + "0.123"
                    : row.startsWith("12,0,")
                        ? row.substring(0, row.lastIndexOf(',') + 1) + "-0.5"
                        : row);

    ReplayReport report = replay(trace, PolicyReplay.Options.DEFAULTS);

    // Rows are step-major over two envs from step 4: step 37, env 1 is data row 2 * 33 + 2.
    assertThat(report.worstRow()).isEqualTo(68);
    assertThat(report.worstLine()).isEqualTo(69);
    assertThat(report.worstStep()).isEqualTo("37");
    assertThat(report.worstEnv()).isEqualTo("1");
    assertThat(report.recordedAction()).isEqualTo(0.123);
    assertThat(report.maxDifference())
        .isCloseTo(Math.abs(report.modelAction() - 0.123), within(1e-12))
        .isGreaterThan(0.5);
    assertThat(report.overTolerance()).isEqualTo(2);
    assertThat(report.withinTolerance()).isFalse();
  }

  @Test
  void rows_with_nan_or_inf_are_skipped_and_counted() {
    Path trace =
        trace(
            false,
            row ->
                row.startsWith("20,")
                    ? row.substring(0, row.lastIndexOf(',') + 1) + "nan"
                    : row.startsWith("21,0,") ? row.replaceFirst(",[^,]*$", ",") : row);

    ReplayReport report = replay(trace, PolicyReplay.Options.DEFAULTS);

    assertThat(report.skipped()).isEqualTo(3);
    assertThat(report.rows()).isEqualTo(2 * 66 - 3);
    assertThat(report.maxDifference()).isLessThan(1e-6);
  }

  @Test
  void a_trace_of_normalized_observations_replays_without_normalizing_again() {
    Path trace = trace(true, UnaryOperator.identity());

    ReplayReport normalized = replay(trace, new PolicyReplay.Options("obs_", "action", true, 1e-6));
    ReplayReport twice = replay(trace, PolicyReplay.Options.DEFAULTS);

    assertThat(normalized.maxDifference()).isLessThan(1e-6);
    assertThat(twice.maxDifference()).as("normalising twice is caught").isGreaterThan(0.01);
  }

  @Test
  void a_trace_that_cannot_be_replayed_is_a_one_line_error_naming_it() {
    Path noObs = Specs.write(dir.resolve("a_actions.csv"), "step,env,action\n0,0,1\n");
    Path shortObs = Specs.write(dir.resolve("b_actions.csv"), header(8) + "\n");
    Path longObs = Specs.write(dir.resolve("c_actions.csv"), header(10) + "\n");
    Path noAction =
        Specs.write(dir.resolve("d_actions.csv"), header(9).replace(",action", ",act") + "\n");
    Path notNumber =
        Specs.write(dir.resolve("e_actions.csv"), header(9) + "\n" + "0,0,1,2,3,4,5,6,x,8,9,0.5\n");
    Path ragged = Specs.write(dir.resolve("f_actions.csv"), header(9) + "\n\n0,0,1,2\n");

    assertThatThrownBy(() -> replay(noObs, PolicyReplay.Options.DEFAULTS))
        .hasMessage(
            noObs
                + ": no observation columns obs_0..obs_8: replay needs a trace that records them");
    assertThatThrownBy(() -> replay(shortObs, PolicyReplay.Options.DEFAULTS))
        .hasMessage(
            shortObs
                + ": no column 'obs_8': the spec has 9 features, so the trace needs obs_0..obs_8");
    assertThatThrownBy(() -> replay(longObs, PolicyReplay.Options.DEFAULTS))
        .hasMessage(longObs + ": the trace has 10 observation columns but the spec has 9 features");
    assertThatThrownBy(() -> replay(noAction, PolicyReplay.Options.DEFAULTS))
        .hasMessageStartingWith(
            noAction + ": no action column 'action' (columns: step, env, obs_0,");
    assertThatThrownBy(() -> replay(notNumber, PolicyReplay.Options.DEFAULTS))
        .hasMessage(notNumber + ": line 2: column 'obs_6' is not a number: 'x'");
    assertThatThrownBy(() -> replay(ragged, PolicyReplay.Options.DEFAULTS))
        .hasMessage(ragged + ": line 3 has 4 fields but the header has 12");
    assertThatThrownBy(() -> replay(dir.resolve("none.csv"), PolicyReplay.Options.DEFAULTS))
        .hasMessage(dir.resolve("none.csv") + ": no such trace file");
  }

  private ReplayReport replay(Path trace, PolicyReplay.Options options) {
    try (Policy policy = Policy.load(model)) {
      return PolicyReplay.replay(policy, trace, options);
    }
  }

  private static String header(int observations) {
    StringBuilder h = new StringBuilder("step,env");
    for (int i = 0; i < observations; i++) {
      h.append(",obs_").append(i);
    }
    return h.append(",action").toString();
  }

  /**
   * Two environments stepping through the bars from bar 4, env 1 holding a long position; each
   * row's action is the hand maths' clipped output, each line passed through {@code edit}.
   */
  private Path trace(boolean normalizedObservations, UnaryOperator<String> edit) {
    List<String> lines = new ArrayList<>();
    lines.add(header(9));
    PortfolioSnapshot[] envs = {
      PortfolioSnapshot.ofCash(10_000),
      new PortfolioSnapshot(10_000, 2_000, Map.of("X", new Holding(70, 104.0, 5)))
    };
    for (int t = 4; t < BARS.size(); t++) {
      for (int e = 0; e < envs.length; e++) {
        double[] raw = HandMaths.nineFeatures(BARS, t, envs[e], "X");
        double[] normalized =
            HandMaths.normalize(
                raw, HandMaths.array(stats.mean()), HandMaths.array(stats.var()), 5.0, 1e-8);
        double action = Math.max(-1, Math.min(1, HandMaths.forward(normalized, LINEAR)[0]));
        StringBuilder row = new StringBuilder().append(t).append(',').append(e);
        for (double v : normalizedObservations ? normalized : raw) {
          row.append(',').append(String.format(Locale.ROOT, "%.17g", v));
        }
        row.append(',').append(String.format(Locale.ROOT, "%.9f", action));
        lines.add(edit.apply(row.toString()));
      }
    }
    return Specs.write(dir.resolve("run_actions.csv"), String.join("\n", lines) + "\n");
  }
}
