package io.tradecore.core.feed;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every bar of a feed that shares one time: the unit the engine processes and a runner commits.
 * Holds at most one bar per instrument. Immutable.
 */
public record Moment(Instant time, List<Bar> bars) {
  public Moment {
    Objects.requireNonNull(time, "time");
    bars = List.copyOf(bars);
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("a moment needs at least one bar");
    }
    Set<Instrument> seen = bars.size() == 1 ? null : new HashSet<>();
    for (Bar bar : bars) {
      if (!bar.time().equals(time)) {
        throw new IllegalArgumentException(
            bar.instrument().symbol() + " bar at " + bar.time() + " is not at the moment " + time);
      }
      if (seen != null && !seen.add(bar.instrument())) {
        throw new IllegalArgumentException(
            "two " + bar.instrument().symbol() + " bars at " + time + " in one moment");
      }
    }
  }

  /** The moment of a single bar. */
  public static Moment of(Bar bar) {
    return new Moment(bar.time(), List.of(bar));
  }

  /**
   * The bars of several series (each in time order) grouped by time, in time order; bars of one
   * time keep the order of their series. One series is one bar per moment.
   */
  public static List<Moment> inTimeOrder(List<List<Bar>> series) {
    if (series.size() == 1) {
      List<Bar> bars = series.getFirst();
      List<Moment> out = new ArrayList<>(bars.size());
      for (Bar bar : bars) {
        out.add(Moment.of(bar));
      }
      return out;
    }
    List<Bar> all = new ArrayList<>();
    series.forEach(all::addAll);
    all.sort(Comparator.comparing(Bar::time)); // stable: ties keep series order
    List<Moment> out = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= all.size(); i++) {
      if (i == all.size() || !all.get(i).time().equals(all.get(from).time())) {
        out.add(new Moment(all.get(from).time(), all.subList(from, i)));
        from = i;
      }
    }
    return out;
  }

  /** This moment's bar of {@code symbol}, or null. */
  public Bar bar(String symbol) {
    for (Bar bar : bars) {
      if (bar.instrument().symbol().equals(symbol)) {
        return bar;
      }
    }
    return null;
  }
}
