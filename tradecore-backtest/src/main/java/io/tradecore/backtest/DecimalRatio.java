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

  /** 10^i, the nearest double: exact up to 10^22, an estimate's factor above. */
  private static final double[] DOUBLE_POW10 = new double[35];

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

  /**
   * The ratio of two unscaled values in long arithmetic, or NaN when they do not allow it. The 16
   * digits are found at a scale {@code k} where {@code x * 10^k / y} has exactly 16 before the
   * point: estimated in doubles to within a few units, then set by the exact 128-bit remainder, and
   * rounded half to even from it. The steps that depend on the digits themselves (which scale,
   * which way to round, the sign) are worked out in arithmetic rather than branches: a ratio of
   * equities is as likely to go either way, and a mispredicted branch costs more than the sums.
   */
  static double fast(long a, int aScale, long b, int bScale) {
    if (a >= LIMIT || a <= -LIMIT || b >= LIMIT || b <= -LIMIT || b == 0) {
      return Double.NaN;
    }
    if (a == 0) {
      return 0.0;
    }
    long x = Math.abs(a);
    long y = Math.abs(b);
    int k = 15 - (digits62(x) - digits62(y)); // x * 10^k / y in (10^14, 10^16)
    if (k < 0) {
      return Double.NaN;
    }
    // n = x * 10^k, 128 bits (below 2^118: no overflow)
    long nh;
    long nl;
    if (k <= 18) {
      nh = Math.unsignedMultiplyHigh(x, POW10[k]);
      nl = x * POW10[k];
    } else {
      long m = POW10[k - 18];
      long h = Math.unsignedMultiplyHigh(x, POW10[18]);
      long l = x * POW10[18];
      nh = h * m + Math.unsignedMultiplyHigh(l, m);
      nl = l * m;
    }
    // Below 10^15 * y: one digit short, so take k + 1 (n times 10).
    long bh = Math.unsignedMultiplyHigh(y, LOW);
    long bl = y * LOW;
    long short1 = lessThan(nh, nl, bh, bl); // 1 or 0, without a branch (either is as likely)
    long times10h = nh * 10 + Math.unsignedMultiplyHigh(nl, 10);
    long times10l = nl * 10;
    long pick = -short1;
    nh = (times10h & pick) | (nh & ~pick);
    nl = (times10l & pick) | (nl & ~pick);
    k += (int) short1;
    // The quotient lies in [10^15, 10^16): estimated in doubles to within a few units, then set
    // exactly by the remainder n - q * y.
    double inv = 1.0 / y;
    long q = (long) ((double) x * inv * DOUBLE_POW10[k]);
    long ph = Math.unsignedMultiplyHigh(q, y);
    long pl = q * y;
    long rl = nl - pl;
    long rh = nh - ph - borrow(nl, pl, rl);
    // The remainder, a few times y at most: within a long unless y is near 2^62.
    double rd = rh == rl >> 63 ? (double) rl : rh * 0x1p64 + (double) (rl >>> 1) * 2.0;
    long c = (long) Math.floor(rd * inv);
    q += c;
    long r = rl - c * y; // the low word: the remainder now lies in (-y, 2y), within a long
    long below = r >> 63; // -1 when negative
    q += below;
    r += y & below;
    long above = (y - 1 - r) >> 63; // -1 when r >= y
    q -= above;
    r -= y & above;
    long d = y - (r << 1); // r < y < 2^62: past half a unit when negative, at half when 0
    q += (d >>> 63) | (((d | -d) >>> 63 ^ 1) & q); // half up, or half to even
    if (q >= HIGH) {
      if (q != HIGH) {
        return Double.NaN; // never: the estimate's error is a few units
      }
      q = LOW;
      k--;
    } else if (q < LOW) {
      return Double.NaN; // never
    }
    int e = bScale - aScale - k;
    double v;
    if (q <= EXACT_DOUBLE) {
      if (e < -22 || e > 22) {
        return Double.NaN;
      }
      v = e >= 0 ? q * DOUBLE_POW10[e] : q / DOUBLE_POW10[-e];
    } else {
      v = e < 0 ? wideQuotient(q, -e) : Double.NaN;
    }
    return Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ ((a ^ b) & Long.MIN_VALUE));
  }

  /** 1 when the unsigned 128-bit (ah, al) is below (bh, bl), else 0. */
  private static long lessThan(long ah, long al, long bh, long bl) {
    long lowBorrow = borrow(al, bl, al - bl);
    long hi = ah - bh - lowBorrow;
    // The borrow out of the high words: a below b as 128-bit numbers.
    return ((~ah & bh) | (~(ah ^ bh) & hi)) >>> 63;
  }

  /** The borrow (1 or 0) of the unsigned {@code x - y}, whose low word is {@code diff}. */
  private static long borrow(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
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

  /** Decimal digits of a positive long below 2^62, without a branch. */
  private static int digits62(long x) {
    int t = (64 - Long.numberOfLeadingZeros(x)) * 1233 >>> 12; // at most 18
    return t + (int) ((POW10[t] - 1 - x) >>> 63);
  }
}
