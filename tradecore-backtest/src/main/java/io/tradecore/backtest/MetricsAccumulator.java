package io.tradecore.backtest;

import io.tradecore.core.domain.Decimals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers the figures {@link Metrics} needs from an equity curve one point at a time, so a backtest
 * need not keep its curve: the per-bar returns (8 bytes a bar, for the two-pass sample deviation
 * that keeps the Sharpe ratio exactly as before), how many times each spacing between bars occurs,
 * the running peak and the deepest fall from it. Gives exactly the figures the curve would give all
 * at once. Not thread-safe.
 */
public final class MetricsAccumulator {
  private static final long LONG_GAP_SECONDS = Duration.ofHours(47).getSeconds();

  private final BigDecimal startingCash;
  private double[] returns;
  private int count;
  private Instant first;
  private Instant last;

  // Each spacing between points (seconds and nanos) and how often it occurs, in the order first
  // seen: a series has few distinct ones (daily bars: a day, a weekend, a holiday or two).
  private long[] spacingSeconds = new long[8];
  private int[] spacingNanos = new int[8];
  private int[] spacingCounts = new int[8];
  private int spacingKinds;
  private int lastSpacing = -1;
  private int longGaps;

  // The last equity, the running peak and the low since it: as units at a scale while they fit a
  // long (the common case, no BigDecimal made), else as a BigDecimal (the unit fields unused).
  private final Amount lastEquity = new Amount();
  private final Amount peak = new Amount();
  private final Amount lowSincePeak = new Amount();
  private double worstDrawdown;

  // Whether the low since the peak fell since its fall was last counted in worstDrawdown. The fall
  // from one peak only deepens until the next peak, and (peak - low) / peak rounded to 16 digits
  // never decreases as the low falls, so the deepest low's ratio is the largest of them all: it is
  // worked out once, when the next peak comes or the metrics are asked for, not at every new low.
  private boolean fallPending;

  public MetricsAccumulator(BigDecimal startingCash) {
    this(startingCash, 1025);
  }

  /** An accumulator with room for {@code points} points before its returns need to grow. */
  public MetricsAccumulator(BigDecimal startingCash, int points) {
    this.startingCash = startingCash;
    this.returns = new double[Math.max(1, points - 1)];
  }

  /** Adds the next point of the curve, which must come after the one before. */
  public void add(Instant time, BigDecimal equity) {
    if (Decimals.fitsUnits(equity)) {
      add(time, Decimals.units(equity), equity.scale());
    } else {
      addDecimal(time, equity);
    }
  }

  private void addDecimal(Instant time, BigDecimal equity) {
    if (count > 0) {
      BigDecimal before = lastEquity.decimal();
      record(
          before.signum() == 0
              ? Double.NaN
              : equity.compareTo(before) == 0 ? 0.0 : ratio(equity.subtract(before), before));
      spacing(time);
    } else {
      first = time;
    }
    if (peak.isUnset() || equity.compareTo(peak.decimal()) > 0) {
      countFall();
      peak.set(equity);
      lowSincePeak.set(equity);
    } else if (peak.signum() > 0 && equity.compareTo(lowSincePeak.decimal()) < 0) {
      lowSincePeak.set(equity);
      fallPending = true;
    }
    last = time;
    lastEquity.set(equity);
    count++;
  }

  /**
   * Adds the next point of the curve, its equity given as {@code units} at {@code scale} (0..18;
   * not {@link Decimals#NO_UNITS}): the same as {@link #add(Instant, BigDecimal)} with that
   * decimal, without making one.
   */
  public void add(Instant time, long units, int scale) {
    if (units == Decimals.NO_UNITS) {
      throw new IllegalArgumentException("no equity units");
    }
    if (!lastEquity.isUnset() && !lastEquity.exact
        || !peak.isUnset() && !peak.exact
        || !lowSincePeak.isUnset() && !lowSincePeak.exact) {
      // An equity before did not fit a long: go on in decimals (rare: ten digits past a billion).
      addDecimal(time, BigDecimal.valueOf(units, scale));
      return;
    }
    if (count > 0) {
      record(ratioSince(lastEquity, units, scale));
      spacing(time);
    } else {
      first = time;
    }
    if (peak.isUnset() || peak.compareTo(units, scale) < 0) {
      countFall();
      peak.set(units, scale);
      lowSincePeak.set(units, scale);
    } else if (peak.units > 0 && lowSincePeak.compareTo(units, scale) > 0) {
      lowSincePeak.set(units, scale);
      fallPending = true;
    }
    last = time;
    lastEquity.set(units, scale);
    count++;
  }

  /**
   * Counts the fall from the peak to the low since it in the worst drawdown, (peak - low) / peak,
   * if the low fell since it was last counted.
   */
  private void countFall() {
    if (!fallPending) {
      return;
    }
    fallPending = false;
    double drawdown;
    if (peak.exact && lowSincePeak.exact) {
      int s = Math.max(peak.scale, lowSincePeak.scale);
      long top = Decimals.rescale(peak.units, peak.scale, s);
      long low = Decimals.rescale(lowSincePeak.units, lowSincePeak.scale, s);
      long fall = Decimals.subtract(top, low);
      drawdown =
          fall == Decimals.NO_UNITS
              ? ratio(peak.decimal().subtract(lowSincePeak.decimal()), peak.decimal())
              : DecimalRatio.of(fall, s, peak.units, peak.scale);
    } else {
      BigDecimal top = peak.decimal();
      drawdown = ratio(top.subtract(lowSincePeak.decimal()), top);
    }
    worstDrawdown = Math.max(worstDrawdown, drawdown);
  }

  /** (equity - before) / before, as the decimal path works it out. */
  private static double ratioSince(Amount before, long units, int scale) {
    if (before.units == 0) {
      return Double.NaN;
    }
    int s = Math.max(before.scale, scale);
    long was = Decimals.rescale(before.units, before.scale, s);
    long now = Decimals.rescale(units, scale, s);
    long change = Decimals.subtract(now, was);
    if (change == Decimals.NO_UNITS) {
      BigDecimal b = before.decimal();
      BigDecimal e = BigDecimal.valueOf(units, scale);
      return e.compareTo(b) == 0 ? 0.0 : ratio(e.subtract(b), b);
    }
    return change == 0 ? 0.0 : DecimalRatio.of(change, s, before.units, before.scale);
  }

  private void record(double r) {
    if (returns.length == count - 1) {
      returns = Arrays.copyOf(returns, returns.length + Math.max(16, returns.length >> 1));
    }
    returns[count - 1] = r;
  }

  /** Counts the spacing from the last point to {@code time}. */
  private void spacing(Instant time) {
    long seconds = time.getEpochSecond() - last.getEpochSecond();
    int nanos = time.getNano() - last.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    int k = lastSpacing;
    if (k < 0 || spacingSeconds[k] != seconds || spacingNanos[k] != nanos) {
      k = 0;
      while (k < spacingKinds && (spacingSeconds[k] != seconds || spacingNanos[k] != nanos)) {
        k++;
      }
      if (k == spacingKinds) {
        if (k == spacingSeconds.length) {
          spacingSeconds = Arrays.copyOf(spacingSeconds, k * 2);
          spacingNanos = Arrays.copyOf(spacingNanos, k * 2);
          spacingCounts = Arrays.copyOf(spacingCounts, k * 2);
        }
        spacingSeconds[k] = seconds;
        spacingNanos[k] = nanos;
        spacingKinds++;
      }
      lastSpacing = k;
    }
    spacingCounts[k]++;
    if (seconds >= LONG_GAP_SECONDS) { // at least 47 hours (nanos only add to it)
      longGaps++;
    }
  }

  /** The points added so far. */
  public int size() {
    return count;
  }

  /** The time of the first point, or null before any. */
  public Instant firstTime() {
    return first;
  }

  /** The time of the last point, or null before any. */
  public Instant lastTime() {
    return last;
  }

  /** The metrics of the curve added so far with these round trips, open positions and fees. */
  public Metrics metrics(List<RoundTrip> trades, int openPositions, BigDecimal fees) {
    countFall();
    BigDecimal finalEquity = count == 0 ? startingCash : lastEquity.decimal();
    double totalReturn = ratio(finalEquity.subtract(startingCash), startingCash);
    double[] r = count == 0 ? new double[0] : Arrays.copyOf(returns, count - 1);
    Double periodsPerYear = periodsPerYear();
    double annualiser = periodsPerYear == null ? Double.NaN : Math.sqrt(periodsPerYear);
    BigDecimal grossProfit = BigDecimal.ZERO;
    BigDecimal grossLoss = BigDecimal.ZERO;
    int wins = 0;
    for (RoundTrip t : trades) {
      if (t.pnl().signum() > 0) {
        wins++;
        grossProfit = grossProfit.add(t.pnl());
      } else if (t.pnl().signum() < 0) {
        grossLoss = grossLoss.subtract(t.pnl());
      }
    }
    double mean = mean(r);
    return new Metrics(
        trades.size(),
        openPositions,
        finalEquity,
        totalReturn,
        cagr(finalEquity),
        finite(mean / sampleDeviation(r, mean) * annualiser),
        finite(mean / downsideDeviation(r) * annualiser),
        worstDrawdown,
        trades.isEmpty() ? null : wins / (double) trades.size(),
        grossLoss.signum() == 0 ? null : ratio(grossProfit, grossLoss),
        fees,
        count,
        periodsPerYear);
  }

  /**
   * Bars per year: 252 for daily bars that skip weekends (the median spacing is a day and at least
   * a tenth of the spacings span two days or more), otherwise 365.25 days / the median spacing.
   * Null for fewer than two bars.
   */
  Double periodsPerYear() {
    int n = count - 1;
    if (n < 1) {
      return null;
    }
    // The few kinds of spacing in ascending order (an insertion sort: there are a handful).
    int[] order = new int[spacingKinds];
    for (int i = 0; i < order.length; i++) {
      int k = i;
      while (k > 0 && shorter(i, order[k - 1])) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
    double median =
        n % 2 == 1 ? nth(order, n / 2) : (nth(order, n / 2 - 1) + nth(order, n / 2)) / 2;
    boolean daily = Math.abs(median - 86_400) <= 4 * 3_600;
    if (daily && longGaps * 10 >= n) {
      return Metrics.TRADING_DAYS_PER_YEAR;
    }
    return median > 0 ? Metrics.SECONDS_PER_YEAR / median : null;
  }

  /** The spacing at {@code index} in ascending order of all spacings, repeats included, in s. */
  private boolean shorter(int a, int b) {
    return spacingSeconds[a] != spacingSeconds[b]
        ? spacingSeconds[a] < spacingSeconds[b]
        : spacingNanos[a] < spacingNanos[b];
  }

  private double nth(int[] order, int index) {
    int seen = 0;
    for (int k : order) {
      seen += spacingCounts[k];
      if (index < seen) {
        return spacingSeconds[k] + spacingNanos[k] / 1e9;
      }
    }
    throw new IllegalStateException("no spacing " + index + " of " + seen);
  }

  private static double seconds(Duration step) {
    return step.getSeconds() + step.getNano() / 1e9;
  }

  private Double cagr(BigDecimal end) {
    if (count < 2) {
      return null;
    }
    double years = seconds(Duration.between(first, last)) / Metrics.SECONDS_PER_YEAR;
    if (!(years > 0)) {
      return null;
    }
    double growth = ratio(end, startingCash);
    // Not "? -1.0 : finite(...)": that unboxes finite's null (an overflowing growth) and throws.
    return growth <= 0 ? Double.valueOf(-1.0) : finite(Math.pow(growth, 1 / years) - 1);
  }

  private static double mean(double[] xs) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** Sample standard deviation (n - 1 in the denominator); NaN below two values or when flat. */
  private static double sampleDeviation(double[] xs, double mean) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    double squares = 0;
    for (double x : xs) {
      squares += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(squares / (xs.length - 1));
    return sd > 0 ? sd : Double.NaN;
  }

  /** Root mean square of min(r, 0) over every period; NaN when no period lost. */
  private static double downsideDeviation(double[] xs) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    double squares = 0;
    for (double x : xs) {
      double down = Math.min(x, 0);
      squares += down * down;
    }
    double dd = Math.sqrt(squares / xs.length);
    return dd > 0 ? dd : Double.NaN;
  }

  /** numerator / denominator to 16 significant digits (DECIMAL64), as a double. */
  static double ratio(BigDecimal numerator, BigDecimal denominator) {
    return DecimalRatio.of(numerator, denominator);
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }

  /** An amount: units at a scale when it fits a long, else a decimal. */
  private static final class Amount {
    boolean exact;
    long units;
    int scale;
    BigDecimal decimal;
    boolean unset = true;

    boolean isUnset() {
      return unset;
    }

    void set(long newUnits, int newScale) {
      unset = false;
      exact = true;
      units = newUnits;
      scale = newScale;
      decimal = null;
    }

    void set(BigDecimal value) {
      if (Decimals.fitsUnits(value)) {
        set(Decimals.units(value), value.scale());
        return;
      }
      unset = false;
      exact = false;
      decimal = value;
    }

    BigDecimal decimal() {
      if (decimal == null) {
        decimal = BigDecimal.valueOf(units, scale);
      }
      return decimal;
    }

    int signum() {
      return exact ? Long.signum(units) : decimal.signum();
    }

    /** This amount against {@code other} units at {@code otherScale} (this one exact). */
    int compareTo(long other, int otherScale) {
      int s = Math.max(scale, otherScale);
      long a = Decimals.rescale(units, scale, s);
      long b = Decimals.rescale(other, otherScale, s);
      if (a == Decimals.NO_UNITS || b == Decimals.NO_UNITS) {
        return decimal().compareTo(BigDecimal.valueOf(other, otherScale));
      }
      return Long.compare(a, b);
    }
  }
}
