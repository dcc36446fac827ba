package io.tradecore.backtest;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.feed.Moment;
import io.tradecore.marketdata.BarSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bars made ready for backtests: their instruments checked, grouped into moments, whether they are
 * daily, each symbol's last close and where they came from, worked out once. A parameter search
 * prepares its bars once and runs every trial over them; nothing here changes after it is made, so
 * threads may share it.
 */
public final class PreparedBars {
  private final List<BarSeries> series;
  private final List<Instrument> instruments;
  private final List<Moment> moments;
  private final boolean daily;
  private final Map<String, BigDecimal> lastCloses;
  private final String source;

  private PreparedBars(List<BarSeries> series, boolean kept) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a backtest needs at least one bar series");
    }
    this.series = List.copyOf(series);
    this.instruments = List.copyOf(Backtest.instruments(series));
    List<Moment> grouped = Backtest.moments(series);
    // A view makes each moment as it is asked for; kept, they are made once for every backtest.
    this.moments = kept ? List.copyOf(grouped) : grouped;
    this.daily = Backtest.daily(moments);
    this.lastCloses = Map.copyOf(Backtest.lastCloses(series));
    List<String> sources = new ArrayList<>();
    series.forEach(s -> sources.add(s.source()));
    this.source = String.join(",", sources);
  }

  /**
   * @throws IllegalArgumentException when there is no series, a symbol is given twice or the series
   *     are priced in different currencies
   */
  public static PreparedBars of(List<BarSeries> series) {
    return new PreparedBars(series, false);
  }

  /**
   * As {@link #of}, with every moment made now and kept (about 100 bytes a bar), so that many
   * backtests over the same bars do not each make them again.
   */
  public static PreparedBars kept(List<BarSeries> series) {
    return new PreparedBars(series, true);
  }

  public List<BarSeries> series() {
    return series;
  }

  List<Instrument> instruments() {
    return instruments;
  }

  List<Moment> moments() {
    return moments;
  }

  boolean daily() {
    return daily;
  }

  Map<String, BigDecimal> lastCloses() {
    return lastCloses;
  }

  String source() {
    return source;
  }
}
