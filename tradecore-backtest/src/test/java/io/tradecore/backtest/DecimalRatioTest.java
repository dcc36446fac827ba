package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The long-arithmetic ratio against BigDecimal's DECIMAL64 division, bit for bit. */
class DecimalRatioTest {
  private static double slow(BigDecimal n, BigDecimal d) {
    return n.divide(d, MathContext.DECIMAL64).doubleValue();
  }

  private static void same(BigDecimal n, BigDecimal d) {
    assertThat(Double.doubleToRawLongBits(DecimalRatio.of(n, d)))
        .as("%s / %s", n.toPlainString(), d.toPlainString())
        .isEqualTo(Double.doubleToRawLongBits(slow(n, d)));
  }

  private static long unscaled(SplittableRandom r) {
    int digits = 1 + r.nextInt(19);
    long bound = BigInteger.TEN.pow(digits).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    long v = 1 + r.nextLong(bound - 1);
    return r.nextBoolean() ? v : -v;
  }

  @Test
  void any_two_decimals_of_up_to_18_digits_give_the_same_double() {
    SplittableRandom r = new SplittableRandom(20261207);
    for (int i = 0; i < 2_000_000; i++) {
      BigDecimal n = BigDecimal.valueOf(unscaled(r), r.nextInt(-4, 20));
      BigDecimal d = BigDecimal.valueOf(unscaled(r), r.nextInt(-4, 20));
      same(n, d);
    }
  }

  @Test
  void equity_changes_over_equity_give_the_same_double_and_mostly_the_fast_way() {
    SplittableRandom r = new SplittableRandom(7);
    int fast = 0;
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      int scale = r.nextInt(2, 15);
      long last = r.nextLong(1_000_000_000L, 400_000_000_000_000_000L);
      long change = r.nextLong(-last / 20, last / 20);
      BigDecimal lastEquity = BigDecimal.valueOf(last, scale);
      BigDecimal equity = BigDecimal.valueOf(last + change, scale + r.nextInt(0, 2));
      BigDecimal diff = equity.subtract(lastEquity);
      if (diff.signum() == 0) {
        continue;
      }
      same(diff, lastEquity);
      if (!Double.isNaN(DecimalRatio.fast(diff, lastEquity))) {
        fast++;
      }
    }
    assertThat(fast).as("fast of %d", n).isGreaterThan(n * 3 / 4);
  }

  @Test
  void halfway_quotients_round_to_even_as_decimal64_does() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      // 17 digits ending in 5 over a power of ten: exactly halfway between two 16-digit values.
      long p = r.nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L) / 10;
      BigDecimal n =
          BigDecimal.valueOf((p * 10 + 5) * (r.nextBoolean() ? 1 : -1), r.nextInt(0, 20));
      BigDecimal d =
          BigDecimal.valueOf(BigInteger.TEN.pow(r.nextInt(0, 18)).longValue(), r.nextInt(0, 10));
      same(n, d);
      // and a halfway quotient of an even divisor: (2m + 1) * y / 2 over y
      long y = 2 * (1 + r.nextLong(400));
      long m = r.nextLong(10_000_000_000_000L, 40_000_000_000_000_000L / y);
      same(BigDecimal.valueOf((2 * m + 1) * (y / 2), 3), BigDecimal.valueOf(y, 2));
    }
  }

  @Test
  void zero_and_tiny_and_huge_ratios_and_a_zero_divisor() {
    same(BigDecimal.ZERO, new BigDecimal("3.5"));
    same(new BigDecimal("1E-30"), new BigDecimal("7"));
    same(new BigDecimal("123456789012345678"), new BigDecimal("0.000000000000000001"));
    same(new BigDecimal("-999999999999999999"), new BigDecimal("999999999999999999"));
    same(new BigDecimal("1"), new BigDecimal("3"));
    same(new BigDecimal("2"), new BigDecimal("3"));
    same(new BigDecimal("123456789012345678901234567890"), new BigDecimal("7"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DecimalRatio.of(BigDecimal.ONE, BigDecimal.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void quotients_whose_16_digits_are_above_2_pow_53_give_the_same_double_the_fast_way() {
    SplittableRandom r = new SplittableRandom(53);
    for (int i = 0; i < 1_000_000; i++) {
      // 16 digits from 2^53 to 10^16 over a power of ten, and as the ratio of two equities (the
      // slow way before: not an exact double)
      long q = r.nextLong((1L << 53) + 1, 10_000_000_000_000_000L);
      BigDecimal n = BigDecimal.valueOf(r.nextBoolean() ? q : -q, r.nextInt(16, 34));
      BigDecimal d = BigDecimal.valueOf(1, r.nextInt(0, 2));
      same(n, d);
      if (n.scale() - d.scale() <= 18) { // a divisor 10^m that fits a long
        assertThat(DecimalRatio.fast(n, d)).as("%s", n).isNotNaN();
      }
      long before = r.nextLong(1_000_000_000L, 400_000_000_000_000_000L);
      long change = Math.max(1, (long) (before * (0.9007199254740993 + r.nextDouble() * 0.099)));
      same(BigDecimal.valueOf(change, 12), BigDecimal.valueOf(before, 12 + r.nextInt(0, 4)));
    }
  }

  @Test
  void quotients_at_the_edges_of_sixteen_digits_and_divisors_near_2_pow_62() {
    // 16 nines and a half: the rounding carries into a 17th digit.
    same(new BigDecimal("99999999999999995"), BigDecimal.TEN);
    same(new BigDecimal("-99999999999999985"), BigDecimal.TEN);
    same(new BigDecimal("9999999999999999.6"), BigDecimal.ONE);
    SplittableRandom r = new SplittableRandom(16);
    for (int i = 0; i < 500_000; i++) {
      // a ratio next to a power of ten: its 16 digits all nines, or a one and zeros
      int j = r.nextInt(0, 4);
      long ten = BigInteger.TEN.pow(j).longValue();
      long y = r.nextLong(1, (1L << 61) / ten);
      long n = y * ten + r.nextLong(-3, 4);
      if (n != 0) {
        same(BigDecimal.valueOf(n, r.nextInt(0, 12)), BigDecimal.valueOf(y, r.nextInt(0, 12)));
      }
      // a divisor just below 2^62, whose remainders do not fit a long
      long big = (1L << 62) - 1 - r.nextLong(1_000_000);
      same(
          BigDecimal.valueOf(r.nextLong(-(1L << 62) + 1, 1L << 62), 6),
          BigDecimal.valueOf(r.nextBoolean() ? big : -big, 6));
    }
  }
}
