package io.tradecore.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the figures {@link Metrics} needs from an equity curve one point at a time, so a backtest
 * need not keep its curve: the per-bar returns (8 bytes a bar, for the two-pass sample deviation
 * that keeps the Sharpe ratio exactly as before), how many times each spacing between bars occurs,
 * the running peak and the deepest fall from it. Gives exactly the figures the curve would give all
 * at once. Not thread-safe.
 */
public final class MetricsAccumulator {
  private static final Duration LONG_GAP = Duration.ofHours(47);

  private final BigDecimal startingCash;
  private double[] returns;
  private int count;
  private Instant first;
  private Instant last;
  private BigDecimal lastEquity;
  private final Map<Duration, int[]> spacings = new HashMap<>();
  private Duration lastSpacing;
  private int[] lastSpacingCount;
  private boolean lastSpacingLong;
  private int longGaps;
  private BigDecimal peak;
  private BigDecimal lowSincePeak;
  private double worstDrawdown;

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
    if (count > 0) {
      if (returns.length == count - 1) {
        returns = Arrays.copyOf(returns, returns.length + Math.max(16, returns.length >> 1));
      }
      returns[count - 1] =
          lastEquity.signum() == 0
              ? Double.NaN
              : equity.compareTo(lastEquity) == 0
                  ? 0.0
                  : ratio(equity.subtract(lastEquity), lastEquity);
      spacing(time);
    } else {
      first = time;
    }
    drawdown(equity);
    last = time;
    lastEquity = equity;
    count++;
  }

  /**
   * Counts the spacing from the last point to {@code time}; a spacing like the one before (the
   * common case) is counted without making a {@link Duration}.
   */
  private void spacing(Instant time) {
    long seconds = time.getEpochSecond() - last.getEpochSecond();
    int nanos = time.getNano() - last.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    if (lastSpacing == null
        || seconds != lastSpacing.getSeconds()
        || nanos != lastSpacing.getNano()) {
      lastSpacing = Duration.ofSeconds(seconds, nanos);
      lastSpacingCount = spacings.computeIfAbsent(lastSpacing, s -> new int[1]);
      lastSpacingLong = lastSpacing.compareTo(LONG_GAP) >= 0;
    }
    lastSpacingCount[0]++;
    if (lastSpacingLong) {
      longGaps++;
    }
  }

  /**
   * The deepest fall below a running peak. Within one peak the ratio (peak - equity) / peak only
   * grows as equity falls, so it is worked out only when equity sets a new low under that peak.
   */
  private void drawdown(BigDecimal equity) {
    if (peak == null || equity.compareTo(peak) > 0) {
      peak = equity;
      lowSincePeak = equity;
    } else if (peak.signum() > 0 && equity.compareTo(lowSincePeak) < 0) {
      lowSincePeak = equity;
      worstDrawdown = Math.max(worstDrawdown, ratio(peak.subtract(equity), peak));
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
    BigDecimal finalEquity = count == 0 ? startingCash : lastEquity;
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
    List<Duration> sorted = new ArrayList<>(spacings.keySet());
    sorted.sort(null);
    double median =
        n % 2 == 1
            ? seconds(nth(sorted, n / 2))
            : (seconds(nth(sorted, n / 2 - 1)) + seconds(nth(sorted, n / 2))) / 2;
    boolean daily = Math.abs(median - 86_400) <= 4 * 3_600;
    if (daily && longGaps * 10 >= n) {
      return Metrics.TRADING_DAYS_PER_YEAR;
    }
    return median > 0 ? Metrics.SECONDS_PER_YEAR / median : null;
  }

  /** The spacing at {@code index} in ascending order of all spacings, repeats included. */
  private Duration nth(List<Duration> sorted, int index) {
    int seen = 0;
    for (Duration d : sorted) {
      seen += spacings.get(d)[0];
      if (index < seen) {
        return d;
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
}
