package io.tradecore.web.insights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A sweep's run folder as {@code tradecore optimize --out} writes it: experiment.json naming the
 * algorithm {@code optimize:grid}, eval_summary.json and sweep.json with every trial of fast 2..6
 * by slow 4..8 (fast < slow) and, for a walk-forward analysis, its out-of-sample equity.
 */
final class SweepRuns {
  private SweepRuns() {}

  /** The objective of trial (fast, slow): highest at fast 3, slow 6. */
  static double objective(int fast, int slow) {
    return 1.0 - 0.1 * Math.abs(fast - 3) - 0.05 * Math.abs(slow - 6);
  }

  static void write(Path dir, boolean walkForward) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("experiment.json"),
        "{\"algorithm\": \"optimize:grid\", \"strategy\": \"sma-cross\", \"currency\": \"USD\"}");
    Files.writeString(
        dir.resolve("eval_summary.json"), "{\"total_return\": 0.25, \"sharpe\": 1.0}");
    StringBuilder trials = new StringBuilder();
    for (int fast = 2; fast <= 6; fast++) {
      for (int slow = 4; slow <= 8; slow++) {
        if (fast >= slow) {
          continue;
        }
        trials
            .append(trials.isEmpty() ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"params\": {\"fast\": \"%d\", \"slow\": \"%d\"}, \"objective\": %s,"
                        + " \"eligible\": true}",
                    fast,
                    slow,
                    objective(fast, slow)));
      }
    }
    String equity =
        walkForward
            ? "[[\"2020-01-02T00:00:00Z\", 100000], [\"2020-01-03T00:00:00Z\", 101000],"
                + " [\"2020-01-06T00:00:00Z\", 99000], [\"2020-01-07T00:00:00Z\", 104000]]"
            : "[]";
    Files.writeString(
        dir.resolve("sweep.json"),
        "{\"objective\": \"sharpe\", \"axes\": [\"fast\", \"slow\"], \"values\": {\"fast\":"
            + " [\"2\", \"3\", \"4\", \"5\", \"6\"], \"slow\": [\"4\", \"5\", \"6\", \"7\", \"8\"]},"
            + " \"trials\": ["
            + trials
            + "], \"equity\": "
            + equity
            + "}");
  }
}
