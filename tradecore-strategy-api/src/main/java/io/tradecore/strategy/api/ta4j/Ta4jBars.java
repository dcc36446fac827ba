package io.tradecore.strategy.api.ta4j;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * The bridge from TradeCore's bars to ta4j: a ta4j {@link BarSeries} a strategy feeds with each bar
 * it sees, and the value of any ta4j indicator on that series at the latest bar (or any earlier
 * one). A strategy makes one per instrument in its constructor or {@code init}, builds its ta4j
 * indicators over {@link #series()} once, calls {@link #add} first thing in {@code onBar}, then
 * reads {@link #value}:
 *
 * <pre>{@code
 * Ta4jBars bars = Ta4jBars.daily("AAPL");
 * RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(bars.series()), 14);
 * ...
 * bars.add(context.bar());
 * if (bars.size() > 14 && bars.value(rsi) < 30) { ... }
 * }</pre>
 *
 * <p>Prices enter the series exactly (fixed-point units to decimals). With {@link #daily} the
 * numbers are {@code DecimalNum}s (decimals of {@link #DECIMAL_PRECISION}, as ta4j's cross-checks
 * of TradeCore's own indicators use); {@link #fast} uses {@code DoubleNum}s, which are quicker and
 * good enough for most market maths. The built-in strategies keep TradeCore's exact indicators
 * ({@code Sma} compares averages by cross-multiplication), since exactness decides their signals.
 */
public final class Ta4jBars {
  /** The precision of {@link #daily}'s decimals: 32 significant digits, rounded half up. */
  public static final MathContext DECIMAL_PRECISION = new MathContext(32, RoundingMode.HALF_UP);

  private final BarSeries series;
  private final Duration barLength;
  private long added;

  /**
   * @param name the series' name (the symbol, say)
   * @param numbers DecimalNumFactory (exact) or DoubleNumFactory (fast)
   * @param barLength how long one bar lasts (a day for daily bars); ta4j needs bar end times that
   *     increase, so bars must be at least this far apart
   */
  public Ta4jBars(String name, NumFactory numbers, Duration barLength) {
    Objects.requireNonNull(numbers, "numbers");
    if (barLength.isNegative() || barLength.isZero()) {
      throw new IllegalArgumentException("a bar must last longer than zero but was " + barLength);
    }
    this.barLength = barLength;
    this.series = new BaseBarSeriesBuilder().withName(name).withNumFactory(numbers).build();
  }

  /** A series of daily (or longer) bars with exact decimal numbers. */
  public static Ta4jBars daily(String name) {
    return new Ta4jBars(name, DecimalNumFactory.getInstance(DECIMAL_PRECISION), Duration.ofDays(1));
  }

  /** A series of bars {@code barLength} long with double numbers. */
  public static Ta4jBars fast(String name, Duration barLength) {
    return new Ta4jBars(name, DoubleNumFactory.getInstance(), barLength);
  }

  /**
   * Keeps only the latest {@code bars} bars in memory (ta4j drops older ones), for long runs;
   * indicators must not look back further than that.
   */
  public Ta4jBars keepLast(int bars) {
    series.setMaximumBarCount(bars);
    return this;
  }

  /** Appends {@code bar} (the bar the strategy is called for) to the series. */
  public void add(Bar bar) {
    series.addBar(toTa4j(bar, series.numFactory(), barLength));
    added++;
  }

  /** The ta4j series, to build indicators over. */
  public BarSeries series() {
    return series;
  }

  /** How many bars have been added. */
  public long size() {
    return added;
  }

  /** The series index of the latest bar (ta4j indices; -1 before the first). */
  public int lastIndex() {
    return series.getEndIndex();
  }

  /** The indicator's value at the latest bar, as a double (NaN where ta4j has none). */
  public double value(Indicator<Num> indicator) {
    return value(indicator, lastIndex());
  }

  /** The indicator's value at series index {@code index}, as a double. */
  public double value(Indicator<Num> indicator, int index) {
    requireBars();
    Num v = indicator.getValue(index);
    return Num.isNaNOrNull(v) ? Double.NaN : v.doubleValue();
  }

  /** The indicator's value at the latest bar as a decimal (exact with {@link #daily}). */
  public BigDecimal decimal(Indicator<Num> indicator) {
    requireBars();
    return indicator.getValue(lastIndex()).bigDecimalValue();
  }

  /** Whether a ta4j boolean indicator (a rule's input, a cross) holds at the latest bar. */
  public boolean holds(Indicator<Boolean> indicator) {
    requireBars();
    return Boolean.TRUE.equals(indicator.getValue(lastIndex()));
  }

  private void requireBars() {
    if (added == 0) {
      throw new IllegalStateException("no bar has been added to " + series.getName() + " yet");
    }
  }

  /**
   * A whole list of bars as a ta4j series (bar i of the result is bar i of {@code bars}), for tests
   * that compare a strategy's indicators with ta4j's.
   */
  public static BarSeries of(String name, List<Bar> bars, NumFactory numbers, Duration barLength) {
    Ta4jBars out = new Ta4jBars(name, numbers, barLength);
    bars.forEach(out::add);
    return out.series();
  }

  /** A price in fixed-point units at {@code scale} as a ta4j number. */
  public static Num num(NumFactory numbers, long units, int scale) {
    return numbers.numOf(Decimals.toDecimal(units, scale));
  }

  private static BaseBar toTa4j(Bar bar, NumFactory numbers, Duration length) {
    int scale = bar.instrument().priceScale();
    return new BaseBar(
        length,
        bar.time(),
        bar.time().plus(length),
        num(numbers, bar.open(), scale),
        num(numbers, bar.high(), scale),
        num(numbers, bar.low(), scale),
        num(numbers, bar.close(), scale),
        numbers.numOf(BigDecimal.valueOf(bar.volume())),
        numbers.zero(),
        0);
  }
}
