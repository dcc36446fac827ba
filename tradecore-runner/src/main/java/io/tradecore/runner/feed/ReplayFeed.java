package io.tradecore.runner.feed;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import io.tradecore.marketdata.MarketDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A market-data feed that replays CSV files: their bars merged in time order (ties keep file order)
 * and grouped into moments, all bars of one time together. It resumes after a cursor (the time of
 * the last moment a runner committed), so a runner need not keep an index into it. Spec: {@code
 * replay:FILE[@SYMBOL][,FILE[@SYMBOL]...]}; without {@code @SYMBOL} the symbol is the file name up
 * to its first '-', '_' or '.', in capitals.
 */
public final class ReplayFeed implements MarketFeed {
  private final String name;
  private final int bars;
  private final List<Moment> moments;
  private final List<BarSeries> series;
  private final boolean daily;
  private int next;
  private long left;
  private volatile boolean stopped;

  private ReplayFeed(String name, List<Bar> events, List<BarSeries> series) {
    this.name = name;
    this.bars = events.size();
    this.left = bars;
    this.moments = group(events);
    this.series = series;
    this.daily =
        !events.isEmpty()
            && events.stream()
                .allMatch(
                    b -> b.time().atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT));
  }

  /** Reads every file of the spec; throws a one-line IllegalArgumentException on any problem. */
  public static ReplayFeed open(String spec, String currency, Path workingDir) {
    if (spec == null || !spec.startsWith("replay:") || spec.length() == "replay:".length()) {
      throw new IllegalArgumentException(
          "feed '" + spec + "' is not supported; use replay:FILE[@SYMBOL][,FILE...]");
    }
    List<BarSeries> all = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
    for (String part : spec.substring("replay:".length()).split(",", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException(
            "feed '"
                + spec
                + "' names an empty file (nothing before or after a comma); use"
                + " replay:FILE[@SYMBOL][,FILE...]");
      }
      String file = part;
      String symbol = null;
      int at = part.lastIndexOf('@');
      if (at > 0) {
        file = part.substring(0, at);
        symbol = part.substring(at + 1);
      }
      Path path = workingDir.resolve(file.trim()).normalize();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new IllegalArgumentException(
            "feed file " + path + " does not exist or is not readable");
      }
      if (symbol == null) {
        symbol = symbolOf(path);
      }
      try {
        all.add(CsvBarReader.read(path, symbol, currency));
      } catch (MarketDataException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      canonical.add(path.toAbsolutePath() + "@" + symbol);
    }
    FeedChecks.requireNoOverlap(all);
    List<Bar> merged = new ArrayList<>();
    all.forEach(s -> merged.addAll(s.bars()));
    merged.sort(Comparator.comparing(Bar::time)); // stable: ties keep file order
    FeedChecks.requireNoGap(all, merged);
    return new ReplayFeed("replay:" + String.join(",", canonical), List.copyOf(merged), all);
  }

  static String symbolOf(Path path) {
    String base = path.getFileName().toString();
    int cut = base.length();
    for (char c : new char[] {'-', '_', '.'}) {
      int i = base.indexOf(c);
      if (i > 0) {
        cut = Math.min(cut, i);
      }
    }
    return base.substring(0, cut).toUpperCase(Locale.ROOT);
  }

  private static List<Moment> group(List<Bar> sorted) {
    List<Moment> out = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i == sorted.size() || !sorted.get(i).time().equals(sorted.get(from).time())) {
        out.add(new Moment(sorted.get(from).time(), sorted.subList(from, i)));
        from = i;
      }
    }
    return List.copyOf(out);
  }

  /** The canonical name under which the runner records its cursor. */
  @Override
  public String name() {
    return name;
  }

  /** How many bars the files hold. */
  public int size() {
    return bars;
  }

  public List<BarSeries> series() {
    return series;
  }

  /**
   * Whether this is daily data: every bar carries a date and no time (00:00 UTC). An intraday
   * feed's bar at 00:00 UTC is then a moment like any other, not a whole session.
   */
  @Override
  public boolean daily() {
    return daily;
  }

  @Override
  public boolean live() {
    return false;
  }

  @Override
  public void resumeAfter(Instant cursor, Consumer<Moment> history) {
    next = 0;
    left = bars;
    while (cursor != null && next < moments.size() && !moments.get(next).time().isAfter(cursor)) {
      left -= moments.get(next).bars().size();
      history.accept(moments.get(next++));
    }
  }

  @Override
  public Moment poll(Duration wait) {
    if (ended()) {
      return null;
    }
    Moment moment = moments.get(next++);
    left -= moment.bars().size();
    return moment;
  }

  @Override
  public boolean ended() {
    return stopped || next >= moments.size();
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public long remaining() {
    return left;
  }
}
