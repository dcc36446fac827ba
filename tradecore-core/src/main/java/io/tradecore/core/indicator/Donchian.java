package io.tradecore.core.indicator;

import io.tradecore.core.domain.Bar;

/**
 * Donchian channel over the {@code period} bars before the current one: the highest high and the
 * lowest low, exact, in price units. Excluding the current bar is what makes "close above the upper
 * band" a breakout.
 */
public final class Donchian implements Indicator {
  private final int period;
  private final long[] highs;
  private final long[] lows;
  private int count;
  private int next;
  private long upper;
  private long lower;
  private boolean ready;

  public Donchian(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("Donchian period must be >= 1 but was " + period);
    }
    this.period = period;
    this.highs = new long[period];
    this.lows = new long[period];
  }

  /**
   * Computes the channel of the bars before this one, then records this bar, so {@link #upper()} is
   * the highest high of the previous {@code period} bars as seen at this bar.
   */
  @Override
  public void update(Bar bar) {
    ready = count == period;
    if (ready) {
      upper = Long.MIN_VALUE;
      lower = Long.MAX_VALUE;
      for (int i = 0; i < period; i++) {
        upper = Math.max(upper, highs[i]);
        lower = Math.min(lower, lows[i]);
      }
    } else {
      count++;
    }
    highs[next] = bar.high();
    lows[next] = bar.low();
    next = next + 1 == period ? 0 : next + 1;
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  public int period() {
    return period;
  }

  public long upper() {
    return upper;
  }

  public long lower() {
    return lower;
  }
}
