package io.tradecore.llm.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AllowanceCalculatorTest {
  static BigDecimal d(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  static Stream<Arguments> cases() {
    // cash, order cap, gross cap, positions cap, position cap, gross now, positions now, held,
    // expected buy quantity (price 100, 2 quantity decimals, fee margin 0.001)
    return Stream.of(
        Arguments.of("10000", null, null, null, null, "0", 0, "0", "99.90"),
        Arguments.of("10000", "2500", null, null, null, "0", 0, "0", "25.00"),
        Arguments.of("10000", null, "6000", null, null, "5000", 1, "0", "10.00"),
        Arguments.of("10000", null, null, null, "3000", "2000", 1, "2000", "10.00"),
        Arguments.of("10000", null, null, 1, null, "2000", 1, "0", "0.00"),
        Arguments.of("10000", null, null, 1, null, "2000", 1, "2000", "99.90"),
        Arguments.of("0", null, null, null, null, "0", 0, "0", "0.00"),
        Arguments.of("-50", null, null, null, null, "0", 0, "0", "0.00"),
        Arguments.of("10000", null, "4000", null, null, "5000", 1, "0", "0.00"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void the_largest_quantity_fits_cash_and_every_cap_rounded_down(
      String cash,
      String maxOrder,
      String maxGross,
      Integer maxPositions,
      String maxPosition,
      String gross,
      int positions,
      String held,
      String expected) {
    AllowanceCalculator calculator =
        new AllowanceCalculator(
            new RiskLimits(d(maxOrder), d(maxGross), maxPositions, d(maxPosition)), d("0.001"));

    InstrumentAllowance allowance =
        calculator.allowance(
            "ORCL",
            d("100.00"),
            2,
            new AllowanceCalculator.Exposure(d(cash), d(gross), positions, d(held)),
            false);

    assertThat(allowance.maxBuyQuantity()).isEqualTo(d(expected));
    assertThat(allowance.maxSellQuantity()).isEqualTo(d("0.00"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void a_short_may_be_as_large_as_a_long_when_shorting_is_allowed(
      String cash,
      String maxOrder,
      String maxGross,
      Integer maxPositions,
      String maxPosition,
      String gross,
      int positions,
      String held,
      String expected) {
    AllowanceCalculator calculator =
        new AllowanceCalculator(
            new RiskLimits(d(maxOrder), d(maxGross), maxPositions, d(maxPosition)), d("0.001"));

    InstrumentAllowance allowance =
        calculator.allowance(
            "ORCL",
            d("100.00"),
            2,
            new AllowanceCalculator.Exposure(d(cash), d(gross), positions, d(held)),
            true);

    assertThat(allowance.maxSellQuantity()).isEqualTo(allowance.maxBuyQuantity());
  }
}
