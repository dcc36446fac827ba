package io.tradecore.marketdata;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The bars of one instrument in strictly ascending time order, with where they came from and the
 * malformed rows skipped while loading them. Immutable and thread-safe.
 *
 * @param source the file name (or a description for generated data)
 * @param skippedRows how many malformed rows were skipped (lenient loading only)
 * @param problems the reasons of the first skipped rows, each starting with its line number
 * @param lines the line of the file each bar was read from, or empty for generated bars
 */
public record BarSeries(
    Instrument instrument,
    List<Bar> bars,
    String source,
    int skippedRows,
    List<String> problems,
    List<Integer> lines) {

  /**
   * The longest gap between two bars a file or feed may have (ten years of 366 days): a longer one
   * is a mistake, and a runner would log every day of it.
   */
  public static final Duration MAX_GAP = Duration.ofDays(3660);

  public BarSeries {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(source, "source");
    // A file's columns (BarColumns) are immutable and were checked as they were read.
    boolean read = bars instanceof BarColumns;
    bars = read ? bars : List.copyOf(bars);
    problems = List.copyOf(problems);
    lines = lines instanceof BarColumns.Lines ? lines : List.copyOf(lines);
    if (!lines.isEmpty() && lines.size() != bars.size()) {
      throw new IllegalArgumentException(
          lines.size() + " line numbers for " + bars.size() + " bars");
    }
    if (skippedRows < 0) {
      throw new IllegalArgumentException("skippedRows must be >= 0 but was " + skippedRows);
    }
    for (int i = 0; !read && i < bars.size(); i++) {
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
    this(instrument, bars, source, 0, List.of(), List.of());
  }

  /** Where bar {@code index} came from: {@code orcl.csv line 12}, or the source and bar number. */
  public String where(int index) {
    return lines.isEmpty() ? source + " bar " + (index + 1) : source + " line " + lines.get(index);
  }

  /** The index of the first bar at or after {@code time}, or {@link #size()} if there is none. */
  public int indexAtOrAfter(Instant time) {
    int low = 0;
    int high = bars.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (bars.get(mid).time().isBefore(time)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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
