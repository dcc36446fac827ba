package io.tradecore.policy;

import java.util.ArrayList;
import java.util.List;

/** A deterministic bar series for tests, oldest first, and windows filled from it. */
final class Bars {
  /** One bar as the tests write it. */
  record Ohlcv(double open, double high, double low, double close, double volume) {}

  private Bars() {}

  /** {@code count} bars that wander up and down, with volumes that vary (never constant). */
  static List<Ohlcv> series(int count) {
    List<Ohlcv> bars = new ArrayList<>();
    double previous = 100.0;
    for (int t = 0; t < count; t++) {
      double close = 100.0 * Math.exp(0.03 * Math.sin(0.7 * t) + 0.002 * t);
      double open = previous;
      double high = Math.max(open, close) * (1 + 0.004 + 0.001 * (t % 4));
      double low = Math.min(open, close) * (1 - 0.003 - 0.001 * (t % 3));
      double volume = 1000 + 150 * (t % 7) + 40 * (t % 3);
      bars.add(new Ohlcv(open, high, low, close, volume));
      previous = close;
    }
    return bars;
  }

  /** A window of {@code capacity} holding the bars up to and including index {@code last}. */
  static BarWindow window(List<Ohlcv> bars, int last, int capacity) {
    BarWindow w = new BarWindow(capacity);
    for (int i = Math.max(0, last - capacity + 1); i <= last; i++) {
      Ohlcv b = bars.get(i);
      w.add(b.open(), b.high(), b.low(), b.close(), b.volume());
    }
    return w;
  }
}
