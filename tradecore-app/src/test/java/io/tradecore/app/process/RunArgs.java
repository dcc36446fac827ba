package io.tradecore.app.process;

import java.nio.file.Path;
import java.util.List;

/** The command lines the runner process tests start. */
final class RunArgs {
  private RunArgs() {}

  /**
   * {@code tradecore run} of the breakout strategy (channel 10, ATR 5, 45% of cash) on {@code
   * feed}, with a fee of 5 bps (at least 1), at {@code barsPerSecond} ("0": as fast as it can).
   */
  static List<String> breakout(
      Path config, Feeds.Feed feed, String portfolio, String barsPerSecond) {
    return List.of(
        "run",
        "--config",
        config.toString(),
        "--portfolio",
        portfolio,
        "--strategy",
        "breakout",
        "--param",
        "channel=10",
        "--param",
        "atr=5",
        "--param",
        "cash-share=0.45",
        "--feed",
        feed.spec(),
        "--fee-bps",
        "5",
        "--min-fee",
        "1",
        "--bars-per-second",
        barsPerSecond);
  }
}
