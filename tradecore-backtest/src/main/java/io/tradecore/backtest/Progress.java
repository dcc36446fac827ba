package io.tradecore.backtest;

import java.io.PrintStream;
import java.util.Locale;

/** Receives how far a backtest has got, bar by bar. */
@FunctionalInterface
public interface Progress {
  /** Series longer than this report progress when run on a terminal. */
  int LONG_SERIES = 200_000;

  Progress NONE = (done, total) -> {};

  void update(int done, int total);

  /**
   * A progress line on stderr every 10% when the process runs on a terminal and the series is long;
   * otherwise nothing, so piped and captured output stay clean.
   */
  static Progress onTerminal(int total) {
    return System.console() != null && total > LONG_SERIES ? every10Percent(System.err) : NONE;
  }

  /** Prints "backtest: 40% (400,000 of 1,000,000 bars)" each time another tenth is done. */
  static Progress every10Percent(PrintStream out) {
    int[] printed = {0};
    return (done, total) -> {
      int tenth = total == 0 ? 10 : (int) (done * 10L / total);
      if (tenth > printed[0]) {
        printed[0] = tenth;
        out.printf(Locale.ROOT, "backtest: %d%% (%,d of %,d bars)%n", tenth * 10, done, total);
      }
    };
  }
}
