package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demo_writes_both_strategy_folders_and_prints_summaries() {
    Path out = tmp.resolve("demo");

    Cli.Run run = Cli.run("demo", "--out", out.toString(), "--no-serve");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("sma-cross on DEMO", "breakout on DEMO", "final equity", "max drawdown")
        .contains(out.resolve("sma-cross").toString(), out.resolve("breakout").toString());
    for (String strategy : new String[] {"sma-cross", "breakout"}) {
      assertThat(out.resolve(strategy).resolve("trades.csv")).isRegularFile();
      assertThat(out.resolve(strategy).resolve("summary.json")).isRegularFile();
      assertThat(out.resolve(strategy).resolve("runs")).isDirectory();
    }
    assertThat(out.resolve(DemoCommand.BARS_FILE)).isRegularFile();
    // A reinforcement-learning run for Run Insights, beside the backtests' own run folders.
    Path sample = out.resolve("rl-runs/ppo-sample");
    assertThat(sample.resolve("experiment.json")).isRegularFile();
    assertThat(sample.resolve("eval_summary.json")).isRegularFile();
    assertThat(run.out()).contains("Run Insights sample", sample.toString());
  }

  @Test
  void demo_into_a_relative_folder_works_as_the_readme_runs_it() throws IOException {
    // ./tradecore demo writes into ./demo-output: a path relative to the working directory.
    Path relative = Path.of("target", "demo-relative-" + System.nanoTime());
    try {
      Cli.Run run = Cli.run("demo", "--out", relative.toString(), "--no-serve");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out())
          .contains("Demo portfolio: demo traded breakout")
          .contains("--config " + relative.resolve("tradecore.yaml"));
      assertThat(relative.resolve("data/tradecore.db")).isRegularFile();
    } finally {
      try (var files = java.nio.file.Files.walk(relative)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }
  }

  @Test
  void demo_bars_file_backtests_to_the_same_result() throws IOException {
    Path out = tmp.resolve("demo");
    assertThat(Cli.run("demo", "--out", out.toString(), "--no-serve").exitCode()).isZero();

    Cli.Run replay =
        Cli.run(
            "backtest",
            "--data",
            out.resolve(DemoCommand.BARS_FILE).toString(),
            "--symbol",
            "DEMO",
            "--strategy",
            "sma-cross",
            "--param",
            "fast=10",
            "--param",
            "slow=30",
            "--fee-bps",
            "5",
            "--min-fee",
            "1.00",
            "--slippage-bps",
            "2",
            "--json");

    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(json(replay.out()).get("final_equity").decimalValue())
        .isEqualByComparingTo(
            json(out.resolve("sma-cross/summary.json")).get("final_equity").decimalValue());
  }
}
