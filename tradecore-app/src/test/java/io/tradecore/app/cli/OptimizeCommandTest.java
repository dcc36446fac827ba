package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.csv;
import static io.tradecore.app.cli.OutputFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.app.output.SweepWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {
  /** Costs and caps the sweep and the single backtest share. */
  private static final List<String> COSTS =
      List.of(
          "--cash",
          "50000",
          "--fee-bps",
          "5",
          "--min-fee",
          "1",
          "--slippage-bps",
          "2",
          "--whole-shares",
          "--max-position-value",
          "1000000",
          "--calendar",
          "NYSE");

  @TempDir Path dir;
  private Path csv;
  private Map<String, String> env;

  @BeforeEach
  void bars() throws IOException {
    env = Map.of("TRADECORE_DATA_DIR", dir.resolve("data").toString());
    csv = dir.resolve("SYN.csv");
    BarCsvWriter.write(
        csv,
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2015, 1, 5), 1500, 7, 50));
  }

  private Cli.Run ok(String... args) {
    Cli.Run run = Cli.run(env, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /** The arguments of an sma-cross search of the test's bars, then {@code rest}. */
  private String[] smaCross(String... rest) {
    return args(
        List.of("optimize", "--data", csv.toString(), "--strategy", "sma-cross"), List.of(rest));
  }

  private static String[] args(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all.toArray(String[]::new);
  }

  @Test
  void the_best_trials_metrics_equal_a_backtest_of_their_parameters_exactly() {
    JsonNode sweep =
        json(
            ok(args(
                    List.of(
                        "optimize",
                        "--data",
                        csv.toString(),
                        "--strategy",
                        "sma-cross",
                        "--param",
                        "fast=2..12",
                        "--param",
                        "slow=10..40:5",
                        "--threads",
                        "2",
                        "--json"),
                    COSTS))
                .out());

    assertThat(sweep.get("trials").asInt()).isGreaterThan(50);
    assertThat(sweep.get("top")).hasSizeGreaterThanOrEqualTo(3);
    // The best and the two after it: each is the backtest command's run of its parameters.
    for (int i = 0; i < 3; i++) {
      JsonNode trial = sweep.get("top").get(i);
      List<String> backtest =
          new ArrayList<>(
              List.of("backtest", "--data", csv.toString(), "--strategy", "sma-cross", "--json"));
      for (Map.Entry<String, JsonNode> p : trial.get("params").properties()) {
        backtest.add("--param");
        backtest.add(p.getKey() + "=" + p.getValue().asText());
      }
      JsonNode single = json(ok(args(backtest, COSTS)).out());

      JsonNode metrics = trial.get("metrics");
      assertThat(metrics.size()).isEqualTo(13);
      metrics
          .fieldNames()
          .forEachRemaining(
              name ->
                  assertThat(metrics.get(name))
                      .as("%s of %s", name, trial.get("params"))
                      .isEqualTo(single.get(name)));
    }
    assertThat(sweep.get("best")).isEqualTo(sweep.get("top").get(0));
    assertThat(sweep.get("best").get("metrics").get("fees").decimalValue())
        .isGreaterThan(BigDecimal.ZERO);
  }

  @Test
  void out_writes_every_trial_the_best_ones_the_summary_and_a_run_that_insights_lists()
      throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Path out = dir.resolve("sweep");
    Cli.Run run =
        ok(
            smaCross(
                "--param",
                "fast=2..8",
                "--param",
                "slow=5..30:5",
                "--top",
                "4",
                "--objective",
                "total_return",
                "--out",
                out.toString()));

    List<Map<String, String>> trials =
        csv(out.resolve("trials.csv"), "trial,fast,slow," + SweepWriter.METRICS_HEADER);
    assertThat(trials).hasSize(7 * 6 - 4); // fast < slow: (5..8, 5) and (6..8, 6)... refused
    List<Map<String, String>> best =
        csv(out.resolve("best.csv"), "rank,fast,slow," + SweepWriter.METRICS_HEADER);
    assertThat(best).hasSize(4);
    assertThat(best)
        .extracting(r -> new BigDecimal(r.get("total_return")))
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    BigDecimal highest =
        trials.stream()
            .map(r -> new BigDecimal(r.get("total_return")))
            .max(BigDecimal::compareTo)
            .orElseThrow();
    assertThat(new BigDecimal(best.getFirst().get("total_return"))).isEqualByComparingTo(highest);

    JsonNode summary = json(out.resolve("summary.json"));
    assertThat(summary.get("trials").asInt()).isEqualTo(trials.size());
    assertThat(summary.get("best").get("params").get("fast").asText())
        .isEqualTo(best.getFirst().get("fast"));
    Path runDir = Path.of(summary.get("run").asText());
    assertThat(json(runDir.resolve("experiment.json")).get("algorithm").asText())
        .isEqualTo("optimize:grid");
    assertThat(json(runDir.resolve("sweep.json")).get("trials")).hasSize(trials.size());
    assertThat(Files.readAllLines(dir.resolve("data").resolve(BacktestRuns.FILE)))
        .containsExactly(out.resolve("runs").toAbsolutePath().normalize().toString());
    assertThat(run.out()).contains("top 4 by total_return:").contains("output");
    assertThat(run.err()).as("no progress line off a terminal").isEmpty();
  }

  @Test
  void out_with_no_eligible_trial_still_writes_every_trial_and_says_none_qualified()
      throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Path out = dir.resolve("none");
    Cli.Run run =
        ok(
            smaCross(
                "--param",
                "fast=2..4",
                "--param",
                "slow=10",
                "--min-trades",
                "100000",
                "--out",
                out.toString()));

    assertThat(run.out()).contains("best").contains("none: no trial had");
    List<Map<String, String>> trials =
        csv(out.resolve("trials.csv"), "trial,fast,slow," + SweepWriter.METRICS_HEADER);
    assertThat(trials).hasSize(3);
    assertThat(csv(out.resolve("best.csv"), "rank,fast,slow," + SweepWriter.METRICS_HEADER))
        .isEmpty();
    JsonNode summary = json(out.resolve("summary.json"));
    assertThat(summary.get("best").isNull()).isTrue();
    Path runDir = Path.of(summary.get("run").asText());
    assertThat(json(runDir.resolve("eval_summary.json")).get("eligible_trials").asInt()).isZero();
  }

  @Test
  void walk_forward_tests_each_choice_on_the_next_window_and_joins_the_test_windows()
      throws IOException {
    Path out = dir.resolve("wf");
    Cli.Run run =
        ok(
            smaCross(
                "--param",
                "fast=3..9:3",
                "--param",
                "slow=20..40:10",
                "--walk-forward",
                "train=2y,test=1y",
                "--out",
                out.toString()));

    // 1,500 weekdays from 2015-01-05 reach into 2020: windows test 2017, 2018, 2019 and 2020.
    List<Map<String, String>> windows = csv(out.resolve("walk_forward.csv"), header());
    assertThat(windows)
        .extracting(w -> w.get("test_start").substring(0, 4))
        .containsExactly("2017", "2018", "2019", "2020");
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).get("start_equity"))
          .isEqualTo(windows.get(i - 1).get("end_equity"));
    }
    List<Map<String, String>> equity =
        csv(out.resolve("oos_equity.csv"), "time,window,cash,equity");
    // The first test window starts two years after the first bar (2015-01-05).
    assertThat(equity.getFirst().get("time"))
        .isEqualTo(windows.getFirst().get("test_start"))
        .isEqualTo("2017-01-05T00:00:00Z");
    JsonNode summary = json(out.resolve("summary.json"));
    assertThat(new BigDecimal(equity.getLast().get("equity")))
        .isEqualByComparingTo(summary.get("out_of_sample").get("final_equity").decimalValue())
        .isEqualByComparingTo(new BigDecimal(windows.getLast().get("end_equity")));
    assertThat(summary.get("stability")).hasSize(2);
    assertThat(summary.get("in_vs_out").get("windows_compared").asInt()).isEqualTo(4);
    assertThat(run.out())
        .contains("walk-forward sma-cross on SYN")
        .contains("IS sharpe")
        .contains("OOS sharpe")
        .contains("parameter stability");
  }

  private static String header() {
    return "window,train_start,test_start,test_end,trials,fast,slow,is_objective,oos_objective,"
        + "is_total_return,oos_total_return,is_sharpe,oos_sharpe,is_max_drawdown,"
        + "oos_max_drawdown,is_trades,oos_trades,start_equity,end_equity";
  }

  @Test
  void a_mistake_in_a_parameter_is_a_usage_error_naming_it() {
    Cli.Run unknown = Cli.run(env, smaCross("--param", "fsat=2..5"));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("unknown parameter fsat for strategy sma-cross; it takes fast, slow");

    Cli.Run range = Cli.run(env, smaCross("--param", "fast=0..5"));
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).contains("parameter fast of strategy sma-cross must be in [1, ∞)");

    Cli.Run trials = Cli.run(env, smaCross("--param", "fast=2..5", "--trials", "10"));
    assertThat(trials.exitCode()).isEqualTo(2);
    assertThat(trials.err()).contains("--trials is for --method random or genetic");

    Cli.Run none = Cli.run(env, smaCross("--param", "fast=30..40", "--param", "slow=5..10"));
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("takes none of the parameter combinations");
  }
}
