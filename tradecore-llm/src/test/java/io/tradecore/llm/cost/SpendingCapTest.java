package io.tradecore.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpendingCapTest {
  static final LocalDate MONDAY = LocalDate.parse("2024-06-03");
  static final LocalDate TUESDAY = LocalDate.parse("2024-06-04");

  static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  @Test
  void a_worst_case_equal_to_what_is_left_is_allowed_and_one_unit_more_is_not() {
    SpendingCap cap = SpendingCap.of(d("1.00"), null, "USD");
    cap.book(MONDAY, d("0.7"));

    assertThat(cap.refusal(MONDAY, d("0.300"))).isEmpty();
    assertThat(cap.refusal(MONDAY, d("0.3000000001")))
        .hasValue(
            "cap reached: the call's worst case 0.3000000001 USD exceeds the 0.3 USD left of"
                + " llm.max_cost 1 USD");
  }

  @Test
  void the_daily_cap_counts_only_the_day_and_the_total_cap_every_day() {
    SpendingCap cap = SpendingCap.of(d("1.00"), d("0.40"), "AUD");
    cap.book(MONDAY, d("0.35"));

    assertThat(cap.refusal(MONDAY, d("0.06"))).get().asString().contains("llm.max_cost_per_day");
    assertThat(cap.refusal(TUESDAY, d("0.40"))).isEmpty();
    cap.book(TUESDAY, d("0.40"));
    cap.book(LocalDate.parse("2024-06-05"), d("0.20"));
    assertThat(cap.refusal(LocalDate.parse("2024-06-06"), d("0.06")))
        .get()
        .asString()
        .contains("0.05 AUD left of llm.max_cost 1 AUD");
    assertThat(cap.spent()).isEqualTo(d("0.95"));
    assertThat(cap.spentOn(TUESDAY)).isEqualTo(d("0.40"));
  }

  @Test
  void a_resumed_cap_starts_from_what_was_spent() {
    SpendingCap cap =
        SpendingCap.resume(d("2"), d("0.5"), "USD", d("1.9"), Map.of(MONDAY, d("0.45")));

    assertThat(cap.refusal(TUESDAY, d("0.1"))).isEmpty();
    assertThat(cap.refusal(TUESDAY, d("0.11"))).isPresent();
    assertThat(cap.refusal(MONDAY, d("0.06"))).get().asString().contains("on 2024-06-03");
  }

  @Test
  void a_zero_cost_call_passes_a_zero_cap_for_a_free_local_model() {
    SpendingCap cap = SpendingCap.of(BigDecimal.ZERO, null, "USD");

    assertThat(cap.refusal(MONDAY, TokenPrices.FREE.cost(5000, 1024))).isEmpty();
  }
}
