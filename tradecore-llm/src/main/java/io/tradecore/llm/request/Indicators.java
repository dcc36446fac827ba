package io.tradecore.llm.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A few indicators shown beside an instrument's bars; each is null when there are too few bars.
 * Averages are rounded half-even to four more decimals than the prices, returns (ratios, 0.01 = 1%)
 * to six, so the same bars always give the same text. Immutable and thread-safe.
 *
 * @param sma20 mean close of the last 20 bars
 * @param sma50 mean close of the last 50 bars
 * @param atr14 mean true range of the last 14 bars (simple mean, not Wilder's smoothing)
 * @param return1 last close over the close 1 bar before, minus 1
 * @param return5 last close over the close 5 bars before, minus 1
 * @param return20 last close over the close 20 bars before, minus 1
 */
public record Indicators(
    BigDecimal sma20,
    BigDecimal sma50,
    BigDecimal atr14,
    BigDecimal return1,
    BigDecimal return5,
    BigDecimal return20) {
  public static final Indicators NONE = new Indicators(null, null, null, null, null, null);
  private static final int RETURN_SCALE = 6;
  private static final int EXTRA_DECIMALS = 4;

  /** The indicators over {@code bars}, oldest first. */
  public static Indicators of(List<BarLine> bars) {
    int scale = bars.stream().mapToInt(b -> b.close().scale()).max().orElse(0) + EXTRA_DECIMALS;
    return new Indicators(
        sma(bars, 20, scale),
        sma(bars, 50, scale),
        atr(bars, 14, scale),
        change(bars, 1),
        change(bars, 5),
        change(bars, 20));
  }

  private static BigDecimal sma(List<BarLine> bars, int n, int scale) {
    if (bars.size() < n) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (BarLine bar : bars.subList(bars.size() - n, bars.size())) {
      sum = sum.add(bar.close());
    }
    return sum.divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal atr(List<BarLine> bars, int n, int scale) {
    if (bars.size() < n + 1) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = bars.size() - n; i < bars.size(); i++) {
      BarLine bar = bars.get(i);
      BigDecimal previousClose = bars.get(i - 1).close();
      BigDecimal range =
          bar.high()
              .subtract(bar.low())
              .max(bar.high().subtract(previousClose).abs())
              .max(bar.low().subtract(previousClose).abs());
      sum = sum.add(range);
    }
    return sum.divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal change(List<BarLine> bars, int n) {
    if (bars.size() < n + 1) {
      return null;
    }
    BigDecimal last = bars.get(bars.size() - 1).close();
    BigDecimal before = bars.get(bars.size() - 1 - n).close();
    return last.divide(before, RETURN_SCALE, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
  }
}
