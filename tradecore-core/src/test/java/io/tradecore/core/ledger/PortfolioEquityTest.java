package io.tradecore.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The portfolio's equity, worked out in long arithmetic on every bar, is the very decimal (value
 * and scale) that adding cash and each position at its mark gives, whatever the fills, marks and
 * magnitudes; past what a long holds it is still exact.
 */
class PortfolioEquityTest {
  private static final Instrument ABC = new Instrument("ABC", "USD", 2, 0);
  private static final Instrument FRAC = new Instrument("FRAC", "USD", 6, 6);

  @Test
  void equity_equals_cash_plus_positions_at_their_marks_exactly() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int run = 0; run < 300; run++) {
      // Small, large and huge starting cash: the last does not fit a long at the fills' scale.
      BigDecimal start =
          switch (run % 3) {
            case 0 -> new BigDecimal("10000");
            case 1 -> new BigDecimal("123456789.12");
            default -> new BigDecimal("98765432109876543210.5");
          };
      Portfolio portfolio = new Portfolio(new PortfolioId("p"), "USD", start);
      assertEquity(portfolio);
      for (int step = 0; step < 60; step++) {
        Instrument i = random.nextBoolean() ? ABC : FRAC;
        switch (random.nextInt(4)) {
          case 0 -> {
            long qty = 1 + random.nextLong(i == ABC ? 500 : 50_000_000L);
            long price = 1 + random.nextLong(i == ABC ? 20_000 : 90_000_000L);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            portfolio.apply(fill(i, run * 100 + step, side, qty, price, "0.37"));
          }
          case 1 -> portfolio.mark(i, 1 + random.nextLong(i == ABC ? 20_000 : 90_000_000L));
          case 2 ->
              portfolio.mark(
                  i.symbol(),
                  BigDecimal.valueOf(1 + random.nextLong(1_000_000), random.nextInt(5)));
          default -> {}
        }
        assertEquity(portfolio);
      }
    }
    // A third of the runs stay within a long at the fills' scale (12): those came from longs.
    assertThat(inUnits).isGreaterThan(5_000);
  }

  @Test
  void an_equity_of_19_digits_at_the_fills_scale_is_worked_out_in_units_up_to_a_longs_reach() {
    // 5,000,000 less 1.5 FRAC at 12.345678: cash at 12 decimals, 19 digits (5.0e18 units).
    Portfolio portfolio = new Portfolio(new PortfolioId("p"), "USD", new BigDecimal("5000000"));
    portfolio.apply(fill(FRAC, 1, Side.BUY, 1_500_000, 12_345_678, "0"));
    portfolio.mark(FRAC, 12_400_000);
    assertEquity(portfolio);
    assertThat(portfolio.equityUnits()).isEqualTo(5_000_000_081_483_000_000L);
    assertThat(portfolio.equityScale()).isEqualTo(12);

    assertThat(Decimals.fitsUnits(new BigDecimal("9223372.036854775807"))).isTrue();
    assertThat(Decimals.fitsUnits(new BigDecimal("9223372.036854775808"))).isFalse();
    assertThat(Decimals.fitsUnits(new BigDecimal("-9223372.036854775807"))).isTrue();
    assertThat(Decimals.fitsUnits(new BigDecimal("-9223372.036854775808"))).isFalse();
    assertThat(Decimals.fitsUnits(new BigDecimal("12345678901234567890"))).isFalse();
    assertThat(Decimals.fitsUnits(new BigDecimal("1E+3"))).isFalse();
    assertThat(Decimals.units(new BigDecimal("-9223372.036854775807"))).isEqualTo(-Long.MAX_VALUE);
  }

  private static int inUnits;

  private static void assertEquity(Portfolio portfolio) {
    BigDecimal expected = portfolio.ledger().cash();
    for (Position p : portfolio.ledger().positions().values()) {
      BigDecimal mark = portfolio.mark(p.instrument().symbol());
      expected = expected.add(mark == null ? p.costBasis() : p.marketValue(mark));
    }
    BigDecimal equity = portfolio.equity();
    assertThat(equity.toString()).isEqualTo(expected.toString());
    long units = portfolio.equityUnits();
    if (units != Decimals.NO_UNITS) {
      inUnits++;
      assertThat(BigDecimal.valueOf(units, portfolio.equityScale()).toString())
          .isEqualTo(expected.toString());
    }
  }

  private static Fill fill(Instrument i, int k, Side side, long qty, long price, String fee) {
    return new Fill(
        new TradeId("t" + k),
        new ClientOrderId("o" + k),
        null,
        i,
        side,
        new Quantity(qty, i.quantityScale()),
        new Price(price, i.priceScale()),
        new BigDecimal(fee),
        Instant.parse("2024-01-02T15:00:00Z").plusSeconds(k),
        "v1");
  }
}
