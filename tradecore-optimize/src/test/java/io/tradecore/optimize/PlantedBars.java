package io.tradecore.optimize;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.BarSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic daily bars with a known best region for sma-cross: a slow wave (the trend worth
 * following) plus a saw-tooth of {@code cycle} bars whose values sum to zero over one cycle. An
 * average over a whole number of cycles cancels the saw-tooth exactly, so a fast average whose
 * length is a multiple of {@code cycle} follows the wave cleanly while any other length whipsaws on
 * the saw-tooth and pays fees each time.
 */
final class PlantedBars {
  static final Instrument INSTRUMENT = Instrument.of("PLANT", "USD", 2);
  static final Instant START = Instant.parse("2000-01-03T00:00:00Z");

  private PlantedBars() {}

  static BarSeries series(int cycle, int bars) {
    if (cycle % 2 == 0) {
      throw new IllegalArgumentException("the saw-tooth needs an odd cycle");
    }
    long[] tooth = new long[cycle];
    for (int i = 0; i < cycle; i++) {
      tooth[i] = 100L * (i - (cycle - 1) / 2); // cents: a ramp up, then a drop; sums to zero
    }
    List<Bar> out = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < bars; i++) {
      long close = Math.round(10_000 + 3_000 * Math.sin(2 * Math.PI * i / 250)) + tooth[i % cycle];
      long open = previous == 0 ? close : previous;
      out.add(
          new Bar(
              INSTRUMENT,
              START.plus(Duration.ofDays(i)),
              open,
              Math.max(open, close),
              Math.min(open, close),
              close,
              1_000));
      previous = close;
    }
    return new BarSeries(INSTRUMENT, out, "planted-" + cycle);
  }
}
