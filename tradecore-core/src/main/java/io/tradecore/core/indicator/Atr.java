package io.tradecore.core.indicator;

import io.tradecore.core.domain.Bar;

/**
 * Average true range with Wilder's smoothing, in price units as a double: the true range of a bar
 * is the largest of high - low and the distances from the previous close to the high and the low
 * (the first bar has no previous close: its high - low); the first value is the mean true range of
 * the first {@code period} bars, then atr += (tr - atr) / period. ta4j seeds its ATR differently;
 * the two agree to 1e-9 after a few hundred bars (checked in the strategies' tests). Market-data
 * maths, so a double is fine here.
 */
public final class Atr implements Indicator {
  private final int period;
  private int count;
  private long previousClose;
  private double sum;
  private double value;

  public Atr(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("ATR period must be >= 1 but was " + period);
    }
    this.period = period;
  }

  @Override
  public void update(Bar bar) {
    long tr = bar.high() - bar.low();
    if (count > 0) {
      tr = Math.max(tr, Math.abs(bar.high() - previousClose));
      tr = Math.max(tr, Math.abs(previousClose - bar.low()));
    }
    previousClose = bar.close();
    count++;
    if (count < period) {
      sum += tr;
    } else if (count == period) {
      value = (sum + tr) / period;
    } else {
      value += (tr - value) / period;
    }
  }

  /** True once {@code period} bars have been seen. */
  @Override
  public boolean isReady() {
    return count >= period;
  }

  public int period() {
    return period;
  }

  public double value() {
    return value;
  }
}
