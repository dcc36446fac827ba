package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.policy.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradecore policy replay} on a linear policy whose trace the test records by hand. */
class PolicyReplayCommandTest {
  private static final float[] WEIGHTS = {0.5f, -1.0f, 2.0f};
  private static final float BIAS = 0.1f;
  private static final double[] MEAN = {0.0, 0.5, 0.0};
  private static final double[] VAR = {0.0004, 0.04, 0.25};
  private static final String SPEC =
      """
      {
        "format": "tradecore-policy",
        "version": 1,
        "input": {"name": "obs", "shape": [1, 3]},
        "output": {"name": "action"},
        "features": [
          {"name": "log_return", "k": 1},
          {"name": "cash_fraction"},
          {"name": "position_fraction"}
        ],
        "normalization": {
          "mean": [0.0, 0.5, 0.0], "var": [0.0004, 0.04, 0.25], "clip_obs": 10.0, "epsilon": 1e-8
        },
        "action": {"type": "continuous", "low": -1, "high": 1, "rebalance_threshold": 0.05}
      }
      """;

  @TempDir Path dir;
  private Path model;

  @BeforeEach
  void linearPolicy() throws IOException {
    float[][] w = {{WEIGHTS[0]}, {WEIGHTS[1]}, {WEIGHTS[2]}};
    model =
        OnnxModels.mlp(
            dir.resolve("lin.onnx"),
            "obs",
            new long[] {-1, 3},
            "action",
            new OnnxModels.Layer(w, new float[] {BIAS}, false));
    Files.writeString(dir.resolve("lin.spec.json"), SPEC);
  }

  @Test
  void a_faithful_trace_replays_within_the_tolerance() throws IOException {
    Path trace = trace(-1, 0);

    Cli.Run run =
        Cli.run("policy", "replay", "--model", model.toString(), "--trace", trace.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "replayed run_actions.csv through lin.onnx: 50 rows compared, 0 skipped (nan or inf)\n")
        .contains("largest difference ")
        .contains("rows differing by more than 1e-5: 0");
  }

  @Test
  void a_differing_row_is_reported_and_exits_1() throws IOException {
    Path trace = trace(17, 0.3);

    Cli.Run run =
        Cli.run(
            "policy",
            "replay",
            "--model",
            model.toString(),
            "--trace",
            trace.toString(),
            "--tolerance",
            "1e-6");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("largest difference 0.3 at row 17 (line 18, step 8, env 0): model ")
        .contains("rows differing by more than 1e-6: 1");
    assertThat(run.err())
        .isEqualTo("error: 1 of 50 rows differ by more than 1e-6 (largest 0.3 at row 17)\n");
  }

  @Test
  void a_malformed_model_is_a_one_line_error_naming_it() throws IOException {
    Path bad = dir.resolve("bad.onnx");
    Files.writeString(bad, "not a model");
    Files.writeString(dir.resolve("bad.spec.json"), SPEC);

    Cli.Run run =
        Cli.run("policy", "replay", "--model", bad.toString(), "--trace", trace(-1, 0).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: " + bad + ": not a usable ONNX model: ");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @Test
  void a_missing_subcommand_is_a_usage_error() {
    Cli.Run run = Cli.run("policy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing subcommand; use policy replay");
  }

  /**
   * 50 rows over 2 envs with varied observations; the action is the linear model on the normalised
   * observation (rounded to float, as the model sees it), clipped to [-1, 1]. Row {@code tampered}
   * (from 1) gets {@code delta} added to its recorded action.
   */
  private Path trace(int tampered, double delta) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("step,env,price,obs_0,obs_1,obs_2,action,equity");
    for (int row = 1; row <= 50; row++) {
      double[] obs = {
        0.01 * Math.sin(row), 0.5 + 0.3 * Math.cos(row / 3.0), 0.4 * Math.sin(row / 5.0)
      };
      double sum = BIAS;
      for (int i = 0; i < 3; i++) {
        double normalized = (obs[i] - MEAN[i]) / Math.sqrt(VAR[i] + 1e-8);
        sum += WEIGHTS[i] * (double) (float) Math.max(-10, Math.min(10, normalized));
      }
      double action = Math.max(-1, Math.min(1, sum)) + (row == tampered ? delta : 0);
      lines.add(
          String.format(
              Locale.ROOT,
              "%d,%d,101.5,%.17g,%.17g,%.17g,%.10f,100000",
              (row - 1) / 2,
              (row - 1) % 2,
              obs[0],
              obs[1],
              obs[2],
              action));
    }
    return Files.writeString(dir.resolve("run_actions.csv"), String.join("\n", lines) + "\n");
  }
}
