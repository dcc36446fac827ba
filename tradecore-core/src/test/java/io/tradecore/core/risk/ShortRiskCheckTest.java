package io.tradecore.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Side;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Position;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Risk caps with short positions: exposure counts a short by its absolute value. */
class ShortRiskCheckTest {
  private static final Instrument AAA = new Instrument("AAA", "USD", 2, 0);
  private static final BigDecimal MARK = new BigDecimal("50.00");

  /** Short 100 AAA at 50 (value -5000) and long 5000 of another: gross exposure 10000. */
  private static final Position SHORT_100 =
      new Position(AAA, new BigDecimal("-100"), new BigDecimal("-5000.00"));

  private static final LedgerSummary PORTFOLIO =
      new LedgerSummary(
          new BigDecimal("100000"),
          new BigDecimal("100000"),
          new BigDecimal("100000"),
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          new BigDecimal("10000.00"),
          2,
          2);

  private static Optional<RiskRefusal> check(RiskLimits limits, Side side, String value) {
    return new RiskCheck(limits)
        .check("AAA", side, new BigDecimal(value), SHORT_100, MARK, PORTFOLIO);
  }

  @Test
  void adding_to_a_short_counts_its_absolute_value_against_the_position_and_gross_caps() {
    RiskLimits position = new RiskLimits(null, null, null, new BigDecimal("5500"));
    RiskLimits gross = new RiskLimits(null, new BigDecimal("10500"), null, null);

    assertThat(check(position, Side.SELL, "1000.00").orElseThrow())
        .extracting(RiskRefusal::cap, r -> r.wouldBe().toPlainString())
        .containsExactly(RiskCap.MAX_POSITION_VALUE, "6000.00");
    assertThat(check(gross, Side.SELL, "1000.00").orElseThrow())
        .extracting(RiskRefusal::cap, r -> r.wouldBe().toPlainString())
        .containsExactly(RiskCap.MAX_GROSS_EXPOSURE, "11000.00");
    assertThat(check(gross, Side.SELL, "500.00")).isEmpty();
  }

  @Test
  void a_buy_that_only_reduces_a_short_is_never_refused() {
    RiskLimits tight = new RiskLimits(BigDecimal.ONE, BigDecimal.ONE, 1, BigDecimal.ONE);

    assertThat(check(tight, Side.BUY, "2000.00")).isEmpty();
    assertThat(check(tight, Side.BUY, "5000.00")).isEmpty();
    // Buying past flat opens a long of 7000: that part is checked.
    assertThat(check(tight, Side.BUY, "12000.00").orElseThrow().cap())
        .isEqualTo(RiskCap.MAX_ORDER_VALUE);
  }

  @Test
  void a_buy_that_flips_a_short_to_a_larger_long_counts_the_new_long() {
    RiskLimits position = new RiskLimits(null, null, null, new BigDecimal("6000"));
    RiskLimits gross = new RiskLimits(null, new BigDecimal("11000"), null, null);

    assertThat(check(position, Side.BUY, "12000.00").orElseThrow())
        .extracting(RiskRefusal::cap, r -> r.wouldBe().toPlainString())
        .containsExactly(RiskCap.MAX_POSITION_VALUE, "7000.00");
    // Gross: 10000 - 5000 (the short) + 7000 (the new long).
    assertThat(check(gross, Side.BUY, "12000.00").orElseThrow().wouldBe())
        .isEqualByComparingTo("12000.00");
    assertThat(check(gross, Side.BUY, "10000.00")).isEmpty();
  }

  @Test
  void a_new_short_counts_as_an_open_position() {
    RiskLimits two = new RiskLimits(null, null, 2, null);

    Optional<RiskRefusal> r =
        new RiskCheck(two).check("BBB", Side.SELL, new BigDecimal("100"), null, MARK, PORTFOLIO);
    assertThat(r.orElseThrow().cap()).isEqualTo(RiskCap.MAX_OPEN_POSITIONS);
  }
}
