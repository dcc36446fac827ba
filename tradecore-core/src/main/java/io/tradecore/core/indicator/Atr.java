package io.tradecore.core.indicator;

import io.tradecore.core.domain.Bar;

/**
 * Average true range with Wilder's smoothing, in price units as a double, defined as ta4j defines
 * it so the two can be cross-checked: the first value is the first bar's true range (its high -
 * low), then atr += (tr - atr) / period. It counts as ready after {@code period} bars. Market-data
 * maths, so a double is fine here.
 */
public final class Atr implements Indicator {
  private final int period;
  private int count;
  private long previousClose;
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
    if (count == 0) {
      value = tr;
    } else {
      tr = Math.max(tr, Math.abs(bar.high() - previousClose));
      tr = Math.max(tr, Math.abs(previousClose - bar.low()));
      value += (tr - value) / period;
    }
    previousClose = bar.close();
    count++;
  }

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
