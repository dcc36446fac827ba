package io.tradecore.backtest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * {@code numerator / denominator} rounded to 16 significant digits half-even ({@link
 * MathContext#DECIMAL64}) and then to the nearest double: the figure the metrics are made of,
 * worked out in {@code long} arithmetic when the numbers allow (both below 2^62 unscaled; 16 digits
 * that fit a double exactly and a power of ten a double holds exactly, or 16 digits above 2^53 over
 * a power of ten that fits a long), which is several times faster than {@link
 * BigDecimal#divide(BigDecimal, MathContext)}; otherwise (or for a zero denominator) by {@link
 * BigDecimal}. The value is the same either way, to the last bit.
 */
final class DecimalRatio {
  private static final long[] POW10 = new long[19];
  private static final double[] DOUBLE_POW10 = new double[23];
  private static final long LOW = 1_000_000_000_000_000L; // 10^15
  private static final long HIGH = 10 * LOW; // 10^16
  private static final long EXACT_DOUBLE = 1L << 53;
  private static final long LIMIT = 1L << 62;

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    for (int i = 0; i < DOUBLE_POW10.length; i++) {
      DOUBLE_POW10[i] = Double.parseDouble("1e" + i);
    }
  }

  private DecimalRatio() {}

  /** The ratio as {@code numerator.divide(denominator, DECIMAL64).doubleValue()} gives it. */
  static double of(BigDecimal numerator, BigDecimal denominator) {
    double fast = fast(numerator, denominator);
    return Double.isNaN(fast)
        ? numerator.divide(denominator, MathContext.DECIMAL64).doubleValue()
        : fast;
  }

  /**
   * {@code (a * 10^-aScale) / (b * 10^-bScale)} as {@link #of} gives it for those decimals, in long
   * arithmetic when the numbers allow, else by {@link BigDecimal}.
   */
  static double of(long a, int aScale, long b, int bScale) {
    double fast = fast(a, aScale, b, bScale);
    return Double.isNaN(fast)
        ? BigDecimal.valueOf(a, aScale)
            .divide(BigDecimal.valueOf(b, bScale), MathContext.DECIMAL64)
            .doubleValue()
        : fast;
  }

  /** The ratio in long arithmetic, or NaN when the numbers do not allow it. */
  static double fast(BigDecimal numerator, BigDecimal denominator) {
    BigInteger ua = numerator.unscaledValue();
    BigInteger ub = denominator.unscaledValue();
    if (ua.bitLength() > 62 || ub.bitLength() > 62) {
      return Double.NaN;
    }
    return fast(ua.longValue(), numerator.scale(), ub.longValue(), denominator.scale());
  }

  /** The ratio of two unscaled values in long arithmetic, or NaN when they do not allow it. */
  static double fast(long a, int aScale, long b, int bScale) {
    if (a >= LIMIT || a <= -LIMIT || b >= LIMIT || b <= -LIMIT) {
      return Double.NaN; // below 2^62 in magnitude, as the arithmetic below needs
    }
    if (b == 0) {
      return Double.NaN;
    }
    if (a == 0) {
      return 0.0;
    }
    boolean negative = (a < 0) != (b < 0);
    long x = Math.abs(a); // below 2^62: no overflow
    long y = Math.abs(b);
    int k = 16 - (digits(x) - digits(y)); // x * 10^k / y then lies in (10^15, 10^17)
    long q = divide(x, k, y);
    if (q < 0) {
      return Double.NaN;
    }
    // x * 10^k - q * y is the remainder, below y < 2^62: its low 64 bits are all of it.
    long r = x * pow10Low(k) - q * y;
    int half; // the dropped part against half a unit of the 16th digit: -1 below, 0 at, 1 above
    if (q >= HIGH) {
      // 17 digits: x * 10^(k-1) / y is q / 10, and the dropped part is the last digit with the
      // remainder behind it (x * 10^k is a multiple of 10 since k >= 1 here).
      if (k < 1) {
        return Double.NaN;
      }
      long last = q % 10;
      q /= 10;
      k--;
      half = last > 5 ? 1 : last < 5 ? -1 : r > 0 ? 1 : 0;
    } else {
      half = Long.compareUnsigned(r << 1, y); // r < y < 2^62, so 2r fits
    }
    if (q < LOW || q >= HIGH) {
      return Double.NaN; // not 16 digits: never expected, but the slow way is always right
    }
    if (half > 0 || (half == 0 && (q & 1) == 1)) {
      q++;
      if (q == HIGH) {
        q = LOW;
        k--;
      }
    }
    int e = bScale - aScale - k; // the value is q * 10^e
    double v;
    if (q <= EXACT_DOUBLE) {
      if (e < -22 || e > 22) {
        return Double.NaN;
      }
      // q and the power of ten are exact doubles: one correctly rounded operation.
      v = e >= 0 ? q * DOUBLE_POW10[e] : q / DOUBLE_POW10[-e];
    } else {
      v = e < 0 ? wideQuotient(q, -e) : Double.NaN;
    }
    return negative ? -v : v;
  }

  /**
   * {@code q / 10^m} rounded to the nearest double, ties to even, for a q of 54 bits (above 2^53,
   * so not an exact double): q shifted left is divided by 10^m in 128-bit integers to a quotient of
   * 62 or 63 bits, which is rounded to 53 bits with the remainder deciding ties; NaN when 10^m does
   * not fit a long.
   */
  private static double wideQuotient(long q, int m) {
    if (m >= POW10.length) {
      return Double.NaN;
    }
    long d = POW10[m];
    // q * 2^s below 2^63 * d, so the quotient fits 63 bits and its high word lies below d.
    int s = 63 + (63 - Long.numberOfLeadingZeros(d)) - (64 - Long.numberOfLeadingZeros(q));
    long hi = s == 0 ? 0 : s >= 64 ? q << (s - 64) : q >>> (64 - s);
    long lo = s >= 64 ? 0 : q << s;
    if (s > 64 + Long.numberOfLeadingZeros(q) - 1) {
      return Double.NaN; // never with q above 2^53 and d at most 10^18
    }
    long quotient = hi == 0 ? Long.divideUnsigned(lo, d) : quotient(hi, lo, d);
    if (quotient < 0) {
      return Double.NaN;
    }
    long remainder = lo - quotient * d; // below d < 2^63: the low word is all of it
    int drop = (64 - Long.numberOfLeadingZeros(quotient)) - 53;
    if (drop <= 0) {
      return Double.NaN; // never: the quotient has 62 or 63 bits
    }
    long mantissa = quotient >>> drop;
    long rest = quotient & ((1L << drop) - 1);
    long half = 1L << (drop - 1);
    if (rest > half || rest == half && (remainder != 0 || (mantissa & 1) == 1)) {
      mantissa++; // 2^53 at most: still exact
    }
    return Math.scalb((double) mantissa, drop - s);
  }

  /** The low 64 bits of 10^k. */
  private static long pow10Low(int k) {
    return k <= 18 ? POW10[k] : POW10[18] * POW10[k - 18];
  }

  /**
   * {@code x * 10^k / y} (x, y positive, below 2^62), or -1 when k is negative or the quotient
   * would not fit 63 bits.
   */
  private static long divide(long x, int k, long y) {
    if (k < 0) {
      return -1;
    }
    long hi;
    long lo;
    if (k <= 18) {
      hi = Math.unsignedMultiplyHigh(x, POW10[k]);
      lo = x * POW10[k];
    } else {
      long m = POW10[k - 18];
      long hi18 = Math.unsignedMultiplyHigh(x, POW10[18]);
      long lo18 = x * POW10[18];
      if (Math.unsignedMultiplyHigh(hi18, m) != 0) {
        return -1;
      }
      long carry = Math.unsignedMultiplyHigh(lo18, m);
      long top = hi18 * m;
      hi = top + carry;
      if (Long.compareUnsigned(hi, top) < 0) {
        return -1;
      }
      lo = lo18 * m;
    }
    if (Long.compareUnsigned(hi, y) >= 0) {
      return -1; // the quotient would need more than 64 bits
    }
    long q = hi == 0 ? Long.divideUnsigned(lo, y) : quotient(hi, lo, y);
    return q < 0 ? -1 : q;
  }

  /**
   * The unsigned 128-bit {@code (hi, lo)} divided by {@code y} (0 < hi < y): estimated in double
   * arithmetic and corrected until the exact remainder lies in [0, y) (a few steps at most); by
   * {@link #divide128} when the estimate is off the scale.
   */
  private static long quotient(long hi, long lo, long y) {
    double estimate = (hi * 0x1p64 + unsigned(lo)) / unsigned(y);
    if (!(estimate < 0x1p62)) {
      return divide128(hi, lo, y);
    }
    long q = (long) estimate;
    for (int step = 0; step < 8; step++) {
      // The remainder (hi, lo) - q * y, a signed 128-bit number (rh, rl).
      long ph = Math.unsignedMultiplyHigh(q, y);
      long pl = q * y;
      long rl = lo - pl;
      long rh = hi - ph - (Long.compareUnsigned(lo, pl) < 0 ? 1 : 0);
      if (rh == 0 && Long.compareUnsigned(rl, y) < 0) {
        return q;
      }
      double r = rh == 0 ? unsigned(rl) : rh == -1 ? -unsigned(-rl) : rh * 0x1p64 + unsigned(rl);
      long c = (long) Math.floor(r / unsigned(y));
      q += c != 0 ? c : r < 0 ? -1 : 1;
    }
    return divide128(hi, lo, y);
  }

  /** An unsigned long as a double, roughly (to within its last bit or so). */
  private static double unsigned(long x) {
    return x >= 0 ? (double) x : (double) (x >>> 1) * 2.0;
  }

  /**
   * The unsigned 128-bit {@code (hi, lo)} divided by {@code y} (hi < y), the quotient: Knuth's
   * algorithm D on 32-bit digits (Hacker's Delight, divlu).
   */
  private static long divide128(long hi, long lo, long y) {
    final long base = 1L << 32;
    int s = Long.numberOfLeadingZeros(y);
    long v = y << s;
    long vn1 = v >>> 32;
    long vn0 = v & 0xFFFF_FFFFL;
    long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
    long un10 = lo << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & 0xFFFF_FFFFL;
    long q1 = Long.divideUnsigned(un32, vn1);
    long rhat = Long.remainderUnsigned(un32, vn1);
    while (Long.compareUnsigned(q1, base) >= 0
        || Long.compareUnsigned(q1 * vn0, base * rhat + un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, base) >= 0) {
        break;
      }
    }
    long un21 = un32 * base + un1 - q1 * v;
    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = Long.remainderUnsigned(un21, vn1);
    while (Long.compareUnsigned(q0, base) >= 0
        || Long.compareUnsigned(q0 * vn0, base * rhat + un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, base) >= 0) {
        break;
      }
    }
    return q1 * base + q0;
  }

  /** Decimal digits of a positive long. */
  private static int digits(long x) {
    // floor(log10(2^bits)) from the bit length, then one more when x reaches the next power.
    int t = (64 - Long.numberOfLeadingZeros(x)) * 1233 >>> 12;
    return t < POW10.length && x >= POW10[t] ? t + 1 : t;
  }
}
