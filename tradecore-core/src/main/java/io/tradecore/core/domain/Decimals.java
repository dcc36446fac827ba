package io.tradecore.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

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

  /**
   * What the long arithmetic below gives when a result does not fit a long (Long.MIN_VALUE, which
   * is never a result, nor taken as an operand).
   */
  public static final long NO_UNITS = Long.MIN_VALUE;

  /**
   * True when {@code value} is at a scale of 0..18 and its unscaled value fits a long (other than
   * {@link #NO_UNITS}): {@link #units} holds it. Up to 18 digits always fit; 19 digits fit up to
   * 9,223,372,036,854,775,807 (an equity of a few million at 12 decimals).
   */
  public static boolean fitsUnits(BigDecimal value) {
    int scale = value.scale();
    if (scale < 0 || scale > 18) {
      return false;
    }
    int precision = value.precision();
    if (precision <= 18) {
      return true;
    }
    if (precision > 19) {
      return false;
    }
    BigInteger unscaled = value.unscaledValue();
    return unscaled.bitLength() <= 63 && unscaled.longValue() != NO_UNITS;
  }

  /** The unscaled value of a decimal that {@link #fitsUnits fits}. */
  public static long units(BigDecimal value) {
    return value.unscaledValue().longValue();
  }

  /** {@code a * b}, or {@link #NO_UNITS} when either is it or the product does not fit. */
  public static long multiply(long a, long b) {
    if (a == NO_UNITS || b == NO_UNITS) {
      return NO_UNITS;
    }
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return lo; // NO_UNITS itself (hi -1, lo MIN) is a product that is left as "does not fit"
    }
    return NO_UNITS;
  }

  /** {@code a + b}, or {@link #NO_UNITS} when either is it or the sum does not fit. */
  public static long add(long a, long b) {
    if (a == NO_UNITS || b == NO_UNITS) {
      return NO_UNITS;
    }
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? NO_UNITS : r;
  }

  /** {@code a - b}, or {@link #NO_UNITS} when either is it or the difference does not fit. */
  public static long subtract(long a, long b) {
    if (a == NO_UNITS || b == NO_UNITS) {
      return NO_UNITS;
    }
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 ? NO_UNITS : r;
  }

  /**
   * {@code units} at scale {@code from} as units at the larger or equal scale {@code to}, or {@link
   * #NO_UNITS} when they do not fit.
   */
  public static long rescale(long units, int from, int to) {
    if (to == from) {
      return units;
    }
    int d = to - from;
    if (d < 0 || d >= POW10.length) {
      return NO_UNITS;
    }
    return multiply(units, POW10[d]);
  }
}
