package io.tradecore.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmaTest {
  @Test
  void equal_averages_compare_equal_exactly_where_doubles_would_not() {
    // 0.1 + 0.2 + 0.3 over 3 and 0.2 over 1: equal, though (0.1+0.2+0.3)/3 != 0.2 in doubles.
    Sma three = new Sma(3);
    Sma one = new Sma(1);
    for (long close : new long[] {10, 20, 30}) {
      three.add(close);
    }
    one.add(20);
    assertThat(Sma.compare(three, one)).isZero();
    assertThat((0.1 + 0.2 + 0.3) / 3).isNotEqualTo(0.2);
  }

  @Test
  void the_window_slides_and_is_ready_only_when_full() {
    Sma sma = new Sma(2);
    sma.add(100);
    assertThat(sma.isReady()).isFalse();
    sma.add(200);
    sma.add(400);
    assertThat(sma.isReady()).isTrue();
    assertThat(sma.sum()).isEqualTo(600);
    assertThat(sma.value()).isEqualTo(300.0);
  }

  @Test
  void comparison_survives_sums_too_large_to_multiply_in_a_long() {
    Sma a = new Sma(1);
    Sma b = new Sma(2);
    a.add(Long.MAX_VALUE / 4);
    b.add(Long.MAX_VALUE / 4);
    b.add(Long.MAX_VALUE / 4 - 1);
    assertThat(Sma.compare(a, b)).isPositive();
  }
}
