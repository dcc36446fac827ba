package io.tradecore.strategy.api.ta4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.indicator.Sma;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CrossIndicator;

class Ta4jBarsTest {
  private static final Instrument TEST = Instrument.of("TEST", "USD", 2);
  private static final MathContext MATH = Ta4jBars.DECIMAL_PRECISION;
  private static final Instant DAY0 = Instant.parse("2024-03-04T00:00:00Z");

  private static List<Bar> bars(long... closes) {
    List<Bar> out = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      long c = closes[i];
      out.add(new Bar(TEST, DAY0.plus(Duration.ofDays(i)), c, c + 5, c - 5, c, 100));
    }
    return out;
  }

  @Test
  void an_indicator_read_bar_by_bar_equals_the_exact_core_average() {
    Ta4jBars bars = Ta4jBars.daily("TEST");
    SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(bars.series()), 3);
    Sma core = new Sma(3);
    for (Bar bar : bars(1001, 1003, 1007, 1002, 999, 1013, 1021)) {
      bars.add(bar);
      core.update(bar);
      if (core.isReady()) {
        // sum / 3 rounded once in ta4j's MathContext (the exact prices went in).
        BigDecimal exact = Decimals.toDecimal(core.sum(), 2).divide(BigDecimal.valueOf(3), MATH);
        assertThat(bars.decimal(sma)).isEqualByComparingTo(exact);
        assertThat(bars.value(sma)).isEqualTo(exact.doubleValue());
      }
    }
    assertThat(bars.size()).isEqualTo(7);
    assertThat(bars.lastIndex()).isEqualTo(6);
    // An earlier bar's value stays readable: (10.01 + 10.03 + 10.07) / 3.
    assertThat(bars.value(sma, 2))
        .isEqualTo(new BigDecimal("30.11").divide(BigDecimal.valueOf(3), MATH).doubleValue());
  }

  @Test
  void prices_enter_exactly_and_old_bars_can_be_dropped() {
    Ta4jBars bars = Ta4jBars.fast("TEST", Duration.ofDays(1)).keepLast(2);
    bars(1001, 1003, 1007).forEach(bars::add);
    assertThat(bars.series().getBarCount()).isEqualTo(2);
    assertThat(bars.series().getLastBar().getClosePrice().bigDecimalValue())
        .isEqualByComparingTo(new BigDecimal("10.07"));
  }

  @Test
  void a_boolean_indicator_reads_as_whether_it_holds() {
    Ta4jBars bars = Ta4jBars.daily("TEST");
    ClosePriceIndicator close = new ClosePriceIndicator(bars.series());
    CrossIndicator crossUp = new CrossIndicator(new SMAIndicator(close, 2), close);
    List<Boolean> holds = new ArrayList<>();
    for (Bar bar : bars(1000, 990, 980, 1010, 1020)) {
      bars.add(bar);
      holds.add(bars.holds(crossUp));
    }
    assertThat(holds).containsExactly(false, false, false, true, false);
  }

  @Test
  void reading_before_any_bar_and_bars_closer_than_their_length_are_errors() {
    Ta4jBars bars = Ta4jBars.daily("TEST");
    SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(bars.series()), 2);
    assertThatThrownBy(() -> bars.value(sma)).hasMessage("no bar has been added to TEST yet");
    assertThatThrownBy(() -> new Ta4jBars("x", null, Duration.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Ta4jBars.fast("x", Duration.ZERO))
        .hasMessageContaining("a bar must last longer than zero");
  }
}
