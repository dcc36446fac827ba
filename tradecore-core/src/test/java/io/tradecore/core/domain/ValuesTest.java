package io.tradecore.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void prices_and_quantities_round_trip_through_parse() {
    for (String text : new String[] {"0.01", "1.750000", "20.370001", "123456.78"}) {
      assertThat(Price.parse(text).toString()).isEqualTo(text);
      assertThat(Quantity.parse(text).toString()).isEqualTo(text);
    }
  }

  @Test
  void a_value_with_more_decimals_than_its_scale_is_refused_not_rounded() {
    assertThatThrownBy(() -> Price.of(new BigDecimal("1.005"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.005");
  }

  @Test
  void money_equality_ignores_scale_but_not_currency() {
    assertThat(Money.of("1.50", "USD")).isEqualTo(Money.of("1.5", "USD"));
    assertThat(Money.of("1.50", "USD")).isNotEqualTo(Money.of("1.50", "AUD"));
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "AUD")))
        .hasMessageContaining("USD vs AUD");
  }

  @Test
  void bars_with_inconsistent_prices_are_refused() {
    Instrument i = Instrument.of("X", "USD", 2);
    java.time.Instant t = java.time.Instant.parse("2024-01-02T00:00:00Z");
    assertThatThrownBy(() -> new Bar(i, t, 100, 90, 95, 100, 1)).hasMessageContaining("high");
    assertThatThrownBy(() -> new Bar(i, t, 100, 110, 90, 100, Double.NaN))
        .hasMessageContaining("volume");
    assertThatThrownBy(() -> new Bar(i, t, 0, 110, 90, 100, 1)).hasMessageContaining("positive");
  }

  @Test
  void ids_and_symbols_are_validated() {
    assertThatThrownBy(() -> new PlanId(" ")).hasMessageContaining("PlanId");
    assertThatThrownBy(() -> Instrument.of("BAD SYMBOL", "USD", 2))
        .hasMessageContaining("BAD SYMBOL");
  }
}
