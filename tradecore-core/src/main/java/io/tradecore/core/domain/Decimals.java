package io.tradecore.core.domain;

import java.math.BigDecimal;

/**
 * Conversions between fixed-point {@code long} units and exact decimals, shared by the value types.
 */
public final class Decimals {
  private static final long[] POW10 = new long[19];

  static {
    long p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Decimals() {}

  /** 10 to the power {@code n}, for 0 <= n <= 18. */
  public static long pow10(int n) {
    if (n < 0 || n >= POW10.length) {
      throw new IllegalArgumentException("scale out of range 0..18: " + n);
    }
    return POW10[n];
  }

  /**
   * The exact number of units of {@code value} at {@code scale}; fails if the value has more
   * decimals than the scale allows or does not fit in a long.
   */
  public static long toUnits(BigDecimal value, int scale) {
    try {
      return value.setScale(scale).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          value.toPlainString() + " does not fit exactly at " + scale + " decimals", e);
    }
  }

  /** The decimal value of {@code units} at {@code scale}. */
  public static BigDecimal toDecimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale);
  }
}
