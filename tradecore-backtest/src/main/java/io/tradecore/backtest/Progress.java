package io.tradecore.backtest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Receives how far a long piece of work (a backtest's bars) has got. */
@FunctionalInterface
public interface Progress {
  /** Work that has run this long without finishing starts to report. */
  long QUIET_NANOS = 2_000_000_000L;

  /** Once reporting, a new line this often. */
  long EVERY_NANOS = 1_000_000_000L;

  Progress NONE = (done, total) -> {};

  void update(int done, int total);

  /**
   * Progress of a backtest on stderr when the process runs on a terminal ({@link System#console()}
   * is not null); otherwise nothing, so piped and captured output stay clean.
   */
  static Progress onTerminal() {
    return onTerminal(System.console() != null);
  }

  /** {@link #timed} progress of a backtest on stderr when {@code terminal}, else {@link #NONE}. */
  static Progress onTerminal(boolean terminal) {
    return terminal ? timed(System.err, "backtest", "bars", System::nanoTime) : NONE;
  }

  /**
   * Says nothing for the first {@link #QUIET_NANOS} (short work stays quiet), then rewrites one
   * line about once a second, e.g. {@code backtest: 45% (450,000 of 1,000,000 bars, 312,000 bars/s,
   * about 2 s left)}, and ends it with a line break when the work is done. Looks at the clock only
   * every 1,024 updates.
   *
   * @param what what is being done, first on the line
   * @param unit what is counted, e.g. "bars" or "events"
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   */
  static Progress timed(PrintStream out, String what, String unit, LongSupplier nanoTime) {
    return timed(out, what, unit, nanoTime, 1024);
  }

  /**
   * As {@link #timed(PrintStream, String, String, LongSupplier)}, looking at the clock every {@code
   * every} updates (a power of two; 1 for work whose units are slow, such as whole backtests).
   */
  static Progress timed(
      PrintStream out, String what, String unit, LongSupplier nanoTime, int every) {
    if (every < 1 || Integer.bitCount(every) != 1) {
      throw new IllegalArgumentException("every must be a power of two but was " + every);
    }
    int mask = every - 1;
    long start = nanoTime.getAsLong();
    long[] next = {start + QUIET_NANOS};
    boolean[] shown = {false};
    return (done, total) -> {
      boolean finished = done >= total;
      if ((done & mask) != 0 && !finished) {
        return;
      }
      if (finished && !shown[0]) {
        return;
      }
      long now = nanoTime.getAsLong();
      if (now < next[0] && !finished) {
        return;
      }
      next[0] = now + EVERY_NANOS;
      shown[0] = true;
      double seconds = Math.max(now - start, 1) / 1e9;
      double rate = done / seconds;
      String left =
          finished
              ? String.format(Locale.US, "in %s", duration(seconds))
              : rate <= 0
                  ? ""
                  : (total - done) / rate < 0.5
                      ? "under a second left"
                      : "about " + duration((total - done) / rate) + " left";
      out.printf(
          Locale.US,
          "\r%s: %d%% (%,d of %,d %s, %,.0f %s/s, %s)  %s",
          what,
          total == 0 ? 100 : (int) (done * 100L / total),
          done,
          total,
          unit,
          rate,
          unit,
          left,
          finished ? System.lineSeparator() : "");
      out.flush();
    };
  }

  /** 42 s, 3 min 5 s or 2 h 10 min. */
  private static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3_600) {
      return s / 60 + " min " + s % 60 + " s";
    }
    return s / 3_600 + " h " + s % 3_600 / 60 + " min";
  }
}
