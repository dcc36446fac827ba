package io.tradecore.marketdata;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.util.List;
import java.util.Objects;

/**
 * The bars of one instrument in strictly ascending time order, with where they came from and the
 * malformed rows skipped while loading them. Immutable and thread-safe.
 *
 * @param source the file name (or a description for generated data)
 * @param skippedRows how many malformed rows were skipped (lenient loading only)
 * @param problems the reasons of the first skipped rows, each starting with its line number
 */
public record BarSeries(
    Instrument instrument, List<Bar> bars, String source, int skippedRows, List<String> problems) {

  public BarSeries {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(source, "source");
    bars = List.copyOf(bars);
    problems = List.copyOf(problems);
    if (skippedRows < 0) {
      throw new IllegalArgumentException("skippedRows must be >= 0 but was " + skippedRows);
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      if (!bar.instrument().equals(instrument)) {
        throw new IllegalArgumentException(
            "bar " + i + " is for " + bar.instrument() + ", not " + instrument);
      }
      if (i > 0 && !bar.time().isAfter(bars.get(i - 1).time())) {
        throw new IllegalArgumentException(
            "bar " + i + " at " + bar.time() + " is not after the bar before it");
      }
    }
  }

  /** A series with nothing skipped. */
  public BarSeries(Instrument instrument, List<Bar> bars, String source) {
    this(instrument, bars, source, 0, List.of());
  }

  public int size() {
    return bars.size();
  }

  public Bar first() {
    return bars.getFirst();
  }

  public Bar last() {
    return bars.getLast();
  }
}
