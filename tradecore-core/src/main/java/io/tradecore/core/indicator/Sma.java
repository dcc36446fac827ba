package io.tradecore.core.indicator;

import io.tradecore.core.domain.Bar;
import java.math.BigInteger;

/**
 * Simple moving average of the close over {@code period} bars, kept as an exact sum of price units
 * so that two averages compare exactly (equal averages are equal, never off by a rounding).
 */
public final class Sma implements Indicator {
  private final int period;
  private final long[] window;
  private int count;
  private int next;
  private long sum;

  public Sma(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("SMA period must be >= 1 but was " + period);
    }
    this.period = period;
    this.window = new long[period];
  }

  @Override
  public void update(Bar bar) {
    add(bar.close());
  }

  /** Adds one close, in price units. */
  public void add(long close) {
    if (count == period) {
      sum -= window[next];
    } else {
      count++;
    }
    window[next] = close;
    sum += close;
    next = next + 1 == period ? 0 : next + 1;
  }

  @Override
  public boolean isReady() {
    return count == period;
  }

  public int period() {
    return period;
  }

  /** Sum of the last {@code period} closes in price units. */
  public long sum() {
    return sum;
  }

  /** The average in price units, as a double (for display and ATR-style maths). */
  public double value() {
    return sum / (double) period;
  }

  /** Compares two ready averages exactly: sign of a.sum/a.period - b.sum/b.period. */
  public static int compare(Sma a, Sma b) {
    long left;
    long right;
    try {
      left = Math.multiplyExact(a.sum, (long) b.period);
      right = Math.multiplyExact(b.sum, (long) a.period);
    } catch (ArithmeticException overflow) {
      return BigInteger.valueOf(a.sum)
          .multiply(BigInteger.valueOf(b.period))
          .compareTo(BigInteger.valueOf(b.sum).multiply(BigInteger.valueOf(a.period)));
    }
    return Long.compare(left, right);
  }
}
