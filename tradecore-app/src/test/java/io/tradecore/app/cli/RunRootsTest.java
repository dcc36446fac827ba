package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.runner.config.ConfigException;
import io.tradecore.runner.config.TradeCoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders Run Insights lists runs from: --runs-dir, insights.roots, backtest runs. */
class RunRootsTest {
  @TempDir Path dir;

  private TradeCoreConfig config(String yaml) throws IOException {
    Files.writeString(dir.resolve("tradecore.yaml"), yaml);
    return TradeCoreConfig.load(null, Map.of(), dir);
  }

  @Test
  void given_folders_then_configured_roots_then_backtest_runs_each_once() throws IOException {
    Path given = Files.createDirectories(dir.resolve("given"));
    Path rl = Files.createDirectories(dir.resolve("rl-runs"));
    Path backtests = Files.createDirectories(dir.resolve("data/runs"));
    TradeCoreConfig cfg = config("insights:\n  roots: [rl-runs, given]\n");

    assertThat(Serving.runRoots(List.of(given), cfg)).containsExactly(given, rl, backtests);
  }

  @Test
  void backtest_runs_are_left_out_until_that_folder_exists() throws IOException {
    Path rl = Files.createDirectories(dir.resolve("rl-runs"));
    TradeCoreConfig cfg = config("insights:\n  roots: rl-runs\n");

    assertThat(Serving.runRoots(List.of(), cfg)).containsExactly(rl);
  }

  @Test
  void a_backtest_written_with_out_is_listed_without_flags_once_the_data_folder_exists() {
    Workdir w = new Workdir(dir);
    Path data = w.zigzagFeed("ZIG", 60);
    String[] backtest = {"backtest", "--data", data.toString(), "--strategy", "sma-cross"};
    w.ok(concat(backtest, "--out", dir.resolve("before-init").toString()));
    w.ok("init");
    Path out = dir.resolve("results/zig");

    w.ok(concat(backtest, "--out", out.toString()));
    w.ok(concat(backtest, "--out", out.toString()));

    TradeCoreConfig cfg = TradeCoreConfig.load(null, w.env, dir);
    assertThat(Serving.runRoots(List.of(), cfg)).containsExactly(out.resolve("runs"));
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void a_configured_root_that_is_not_a_folder_is_an_error_naming_it() throws IOException {
    TradeCoreConfig cfg = config("insights:\n  roots: [missing-runs]\n");

    assertThatThrownBy(() -> Serving.runRoots(List.of(), cfg))
        .isInstanceOf(ConfigException.class)
        .hasMessage("insights.roots: " + dir.resolve("missing-runs") + " is not a folder");
  }
}
