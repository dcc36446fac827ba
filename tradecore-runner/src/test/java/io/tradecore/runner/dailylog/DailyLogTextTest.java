package io.tradecore.runner.dailylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money in the daily log's text: two decimals, rounded half-even, thousands grouped. */
class DailyLogTextTest {
  @Test
  void money_has_two_decimals_and_grouped_thousands() {
    assertThat(DailyLogText.money(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
    assertThat(DailyLogText.money(new BigDecimal("-1234.5"))).isEqualTo("-1,234.50");
    assertThat(DailyLogText.money(new BigDecimal("999.995"))).isEqualTo("1,000.00");
    assertThat(DailyLogText.money(new BigDecimal("100.125"))).isEqualTo("100.12");
    assertThat(DailyLogText.money(new BigDecimal("-0.004"))).isEqualTo("0.00");
    assertThat(DailyLogText.money(new BigDecimal("-100"))).isEqualTo("-100.00");
    assertThat(DailyLogText.money(BigDecimal.ZERO)).isEqualTo("0.00");
    assertThat(DailyLogText.signed(new BigDecimal("12345"))).isEqualTo("+12,345.00");
  }
}
