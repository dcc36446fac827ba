package io.tradecore.strategies;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made bar series of a test instrument priced in cents. */
final class HandBars {
  static final Instrument TEST = Instrument.of("TEST", "USD", 2);
  static final Instant DAY0 = Instant.parse("2024-03-04T00:00:00Z");

  private HandBars() {}

  static Instant day(int i) {
    return DAY0.plus(i, ChronoUnit.DAYS);
  }

  /** A bar whose high and low are its open and close (prices in cents). */
  static Bar bar(int i, long open, long close) {
    return bar(i, open, Math.max(open, close), Math.min(open, close), close);
  }

  static Bar bar(int i, long open, long high, long low, long close) {
    return new Bar(TEST, day(i), open, high, low, close, 1_000);
  }

  /** Bars with these closes, each opening 7 cents above the previous close (the first at it). */
  static List<Bar> closes(long... closes) {
    List<Bar> bars = new ArrayList<>(closes.length);
    for (int i = 0; i < closes.length; i++) {
      long open = i == 0 ? closes[0] : closes[i - 1] + 7;
      bars.add(bar(i, open, closes[i]));
    }
    return bars;
  }
}
