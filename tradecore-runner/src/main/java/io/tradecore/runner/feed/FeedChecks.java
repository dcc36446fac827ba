package io.tradecore.runner.feed;

import io.tradecore.core.domain.Bar;
import io.tradecore.marketdata.BarSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks on the files of one feed taken together, made before a runner commits anything: each file
 * is sound on its own (its reader checked that), but two files of one symbol may overlap, and files
 * of different periods may leave decades between them.
 */
final class FeedChecks {
  private FeedChecks() {}

  /**
   * Fails, naming both files and the lines, when two files of one symbol overlap in time: the
   * engine takes each symbol's bars strictly in time order and would stop at the first repeat.
   */
  static void requireNoOverlap(List<BarSeries> all) {
    Map<String, List<BarSeries>> bySymbol = new LinkedHashMap<>();
    for (BarSeries s : all) {
      bySymbol.computeIfAbsent(s.instrument().symbol(), k -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<BarSeries>> entry : bySymbol.entrySet()) {
      List<BarSeries> files = new ArrayList<>(entry.getValue());
      files.sort(Comparator.comparing(s -> s.first().time()));
      for (int i = 1; i < files.size(); i++) {
        BarSeries earlier = files.get(i - 1);
        BarSeries later = files.get(i);
        if (later.first().time().isAfter(earlier.last().time())) {
          continue;
        }
        int clash = earlier.indexAtOrAfter(later.first().time());
        throw new IllegalArgumentException(
            "feed files "
                + earlier.source()
                + " and "
                + later.source()
                + " overlap for "
                + entry.getKey()
                + ": "
                + later.where(0)
                + " ("
                + later.first().time()
                + ") is not after "
                + earlier.where(clash)
                + " ("
                + earlier.bars().get(clash).time()
                + "); give one symbol's files for periods that do not overlap");
      }
    }
  }

  /** Fails when the merged feed has a gap of more than ten years (a runner logs every day). */
  static void requireNoGap(List<BarSeries> all, List<Bar> merged) {
    Duration max = BarSeries.MAX_GAP;
    for (int i = 1; i < merged.size(); i++) {
      Bar before = merged.get(i - 1);
      Bar after = merged.get(i);
      if (Duration.between(before.time(), after.time()).compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "the feed jumps more than ten years, from "
                + where(all, before)
                + " ("
                + before.time()
                + ") to "
                + where(all, after)
                + " ("
                + after.time()
                + "); replay files of neighbouring periods");
      }
    }
  }

  /** The file and line of {@code bar}: the series that holds an equal bar at its time. */
  private static String where(List<BarSeries> all, Bar bar) {
    for (BarSeries series : all) {
      int i = series.indexAtOrAfter(bar.time());
      if (i < series.size() && series.bars().get(i).equals(bar)) {
        return series.where(i);
      }
    }
    return bar.instrument().symbol();
  }
}
