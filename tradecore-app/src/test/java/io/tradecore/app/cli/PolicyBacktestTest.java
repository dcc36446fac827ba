package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import io.tradecore.policy.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest --strategy policy}: a trained policy trades a synthetic series, its run folder
 * names the model and traces each bar's observation and action, and {@code policy replay} of that
 * trace through the same model finds no difference; broken models and specs are one-line errors
 * naming the file.
 */
class PolicyBacktestTest {
  static final String SPEC =
      """
      {
        "format": "tradecore-policy",
        "version": 1,
        "input": {"name": "obs", "shape": [1, 5]},
        "output": {"name": "logits"},
        "features": [
          {"name": "log_return", "k": 1},
          {"name": "sma_ratio", "n": 10},
          {"name": "atr_ratio", "n": 5},
          {"name": "position_fraction"},
          {"name": "bars_held", "scale": 20}
        ],
        "normalization": {
          "mean": [0.0, 0.0, 0.02, 0.3, 0.2], "var": [0.0004, 0.001, 0.0001, 0.2, 0.1],
          "clip_obs": 3.0, "epsilon": 1e-8
        },
        "action": {"type": "discrete", "positions": ["flat", 0.9, -0.5],
                   "stop_atr": 2.5, "target_atr": 4, "atr_period": 5}
      }
      """;

  @TempDir Path tmp;
  Path data;
  Path model;

  @BeforeEach
  void policyAndBars() throws IOException {
    data = tmp.resolve("SYN.csv");
    BarCsvWriter.write(
        data,
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2021, 1, 4), 300, 11, 50));
    model = writePolicy(tmp.resolve("ppo"), SPEC);
  }

  /** A 5 -> 16 (tanh) -> 3 network with seeded weights, with {@code spec} beside it. */
  static Path writePolicy(Path dir, String spec) throws IOException {
    Random random = new Random(7);
    Path onnx =
        OnnxModels.mlp(
            dir.resolve("model.onnx"),
            "obs",
            new long[] {-1, 5},
            "logits",
            OnnxModels.randomLayer(random, 5, 16, 1.0, true),
            OnnxModels.randomLayer(random, 16, 3, 1.0, false));
    Files.writeString(dir.resolve("model.spec.json"), spec);
    return onnx;
  }

  private Cli.Run backtest(Path modelFile, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "backtest",
                "--data",
                data.toString(),
                "--strategy",
                "policy",
                "--param",
                "model=" + modelFile,
                "--fee-bps",
                "5"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void a_policy_backtest_writes_a_run_that_replays_through_the_model_without_a_difference()
      throws IOException {
    Path out = tmp.resolve("out");

    Cli.Run run = backtest(model, "--out", out.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = json(out.resolve("summary.json"));
    assertThat(summary.get("strategy").asText()).isEqualTo("policy");
    assertThat(summary.get("trades").asInt()).as("the policy trades").isPositive();
    Path runDir;
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    String name = runDir.getFileName().toString();
    JsonNode experiment = json(runDir.resolve("experiment.json"));
    assertThat(experiment.get("algorithm").asText()).isEqualTo("policy");
    assertThat(experiment.get("policy").asText()).isEqualTo("model.onnx");
    assertThat(experiment.get("model").asText()).isEqualTo(model.toString());
    assertThat(experiment.get("params").get("model").asText()).isEqualTo(model.toString());
    assertThat(experiment.get("features").toString())
        .isEqualTo(
            "[\"log_return\",\"sma_ratio\",\"atr_ratio\",\"position_fraction\",\"bars_held\"]");
    assertThat(json(runDir.resolve("eval_summary.json")).get("trades").asInt()).isPositive();
    Path trace = runDir.resolve(name + "_actions.csv");
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines.getFirst())
        .isEqualTo(
            "step,env,timestamp,symbol,price,action,target,position,cash,equity,drawdown,reward,"
                + "obs_0,obs_1,obs_2,obs_3,obs_4");
    assertThat(lines).hasSize(301);
    assertThat(lines.get(1)).startsWith("0,0,").contains(",SYN,");
    assertThat(lines.get(1).split(",", -1)[5]).as("no action before 10 bars").isEmpty();
    assertThat(lines.get(11).split(",", -1)[5]).isNotEmpty();

    Cli.Run replay =
        Cli.run("policy", "replay", "--model", model.toString(), "--trace", trace.toString());

    assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
    assertThat(replay.out())
        .contains("291 rows compared, 9 skipped")
        .contains("largest difference 0 ")
        .contains("rows differing by more than 1e-5: 0");
  }

  @Test
  void a_missing_model_is_a_one_line_error_naming_it() {
    Path missing = tmp.resolve("nowhere/model.onnx");

    assertOneLineError(backtest(missing), missing + ": no such model file");
  }

  @Test
  void a_malformed_model_is_a_one_line_error_naming_it() throws IOException {
    Path dir = tmp.resolve("broken");
    writePolicy(dir, SPEC);
    Path broken = Files.writeString(dir.resolve("model.onnx"), "PK\u0003\u0004 not onnx");

    assertOneLineError(backtest(broken), broken + ": not a usable ONNX model");
  }

  @Test
  void a_spec_that_does_not_match_the_models_input_is_a_one_line_error_naming_the_spec()
      throws IOException {
    Path dir = tmp.resolve("four");
    Path four =
        writePolicy(
            dir,
            SPEC.replace("\"shape\": [1, 5]", "\"shape\": [1, 4]")
                .replace("{\"name\": \"bars_held\", \"scale\": 20}", "")
                .replace("{\"name\": \"position_fraction\"},", "{\"name\": \"position_fraction\"}")
                .replace(", 0.2]", "]")
                .replace(", 0.1]", "]"));

    assertOneLineError(
        backtest(four), dir.resolve("model.spec.json") + ": input.shape [1, 4] does not match");
  }

  @Test
  void a_missing_feature_is_a_one_line_error_naming_the_spec() throws IOException {
    Path dir = tmp.resolve("nofeature");
    Path m = writePolicy(dir, SPEC.replace("{\"name\": \"sma_ratio\", \"n\": 10}", "{\"n\": 10}"));

    assertOneLineError(
        backtest(m), dir.resolve("model.spec.json") + ": missing field 'features[1].name'");
  }

  private static void assertOneLineError(Cli.Run run, String fragment) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("error: ").contains(fragment).doesNotContain("\tat ");
  }
}
