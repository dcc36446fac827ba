package io.tradecore.llm.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
  static List<BarLine> closes(String... closes) {
    List<BarLine> bars = new ArrayList<>();
    Instant t = Instant.parse("2024-01-02T00:00:00Z");
    for (String c : closes) {
      BigDecimal close = new BigDecimal(c);
      bars.add(new BarLine(t, close, close, close, close, BigDecimal.ONE));
      t = t.plusSeconds(86_400);
    }
    return bars;
  }

  @Test
  void too_few_bars_leave_every_indicator_unset() {
    assertThat(Indicators.of(closes("10.00"))).isEqualTo(Indicators.NONE);
  }

  @Test
  void returns_are_ratios_rounded_half_even_to_six_decimals() {
    Indicators x = Indicators.of(closes("3.00", "3.00", "3.00", "3.00", "3.00", "4.00"));

    assertThat(x.return1()).isEqualByComparingTo("0.333333");
    assertThat(x.return5()).isEqualByComparingTo("0.333333");
    assertThat(x.return20()).isNull();
  }

  @Test
  void the_average_is_exact_to_four_more_decimals_than_the_prices() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      values.add("10.00");
    }
    values.add("10.01");

    Indicators x = Indicators.of(closes(values.toArray(String[]::new)));

    assertThat(x.sma20()).isEqualTo(new BigDecimal("10.000500"));
    assertThat(x.sma50()).isNull();
  }

  @Test
  void the_true_range_counts_a_gap_from_the_previous_close() {
    List<BarLine> bars = new ArrayList<>();
    Instant t = Instant.parse("2024-01-02T00:00:00Z");
    bars.add(bar(t, "10", "10", "9", "10"));
    for (int i = 1; i <= 14; i++) {
      bars.add(bar(t.plusSeconds(86_400L * i), "12", "13", "12", "12"));
    }

    Indicators x = Indicators.of(bars);

    // the first bar after the gap ranges 3 (13 over the close of 10), the other 13 range 1
    assertThat(x.atr14()).isEqualTo(new BigDecimal("1.1429"));
  }

  static BarLine bar(Instant t, String open, String high, String low, String close) {
    return new BarLine(
        t,
        new BigDecimal(open),
        new BigDecimal(high),
        new BigDecimal(low),
        new BigDecimal(close),
        BigDecimal.ONE);
  }
}
