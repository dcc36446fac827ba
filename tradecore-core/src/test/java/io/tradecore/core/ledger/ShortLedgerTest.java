package io.tradecore.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Short positions in the ledger: sold first, bought back to cover. */
class ShortLedgerTest {
  private static final Instrument ABC = new Instrument("ABC", "USD", 2, 0);
  private static final Instrument FRAC = new Instrument("FRAC", "USD", 4, 3);
  private static final BigDecimal START = new BigDecimal("10000.00");

  @Test
  void a_short_sale_adds_its_proceeds_and_a_partial_cover_realizes_its_share_of_them() {
    Ledger ledger = new Ledger(START);
    ledger.apply(fill(ABC, 0, Side.SELL, 30, "50.00", "1.50"));
    ledger.apply(fill(ABC, 1, Side.SELL, 10, "54.00", "1.00"));

    Position p = ledger.position("ABC");
    assertThat(p.quantity()).isEqualByComparingTo("-40");
    assertThat(p.costBasis()).isEqualByComparingTo("-2040.00");
    assertThat(p.averageCost()).isEqualByComparingTo("51.00");
    assertThat(ledger.cash()).isEqualByComparingTo("12037.50");
    // At 48.00 the short is worth -1920: equity is cash plus that signed value.
    LedgerSummary at48 = ledger.summary(Map.of("ABC", new BigDecimal("48.00")));
    assertThat(at48.equity()).isEqualByComparingTo("10117.50");
    assertThat(at48.unrealizedPnl()).isEqualByComparingTo("120.00");
    assertThat(at48.grossExposure()).isEqualByComparingTo("1920.00");

    // Buying back 25 at 45 realizes 25 * (51 - 45) = 150.
    ledger.apply(fill(ABC, 2, Side.BUY, 25, "45.00", "1.25"));
    assertThat(ledger.realizedPnl()).isEqualByComparingTo("150.00");
    assertThat(ledger.position("ABC").quantity()).isEqualByComparingTo("-15");
    assertThat(ledger.position("ABC").costBasis()).isEqualByComparingTo("-765.00");

    // The rest at 52: 15 * (51 - 52) = -15; flat, cash is start + realized - fees.
    ledger.apply(fill(ABC, 3, Side.BUY, 15, "52.00", "1.00"));
    assertThat(ledger.positions()).isEmpty();
    assertThat(ledger.realizedPnl()).isEqualByComparingTo("135.00");
    assertThat(ledger.fees()).isEqualByComparingTo("4.75");
    assertThat(ledger.cash()).isEqualByComparingTo("10130.25");
  }

  @Test
  void the_value_of_the_shorts_is_what_buying_them_back_costs_at_the_marks() {
    Portfolio portfolio = new Portfolio(new PortfolioId("p"), "USD", START);
    portfolio.apply(fill(ABC, 0, Side.SELL, 30, "50.00", "0"));
    portfolio.apply(fill(FRAC, 1, Side.BUY, 2500, "10.0000", "0"));
    assertThat(portfolio.shortValue()).isEqualByComparingTo("1500.00");

    portfolio.mark(ABC, 6000);
    assertThat(portfolio.shortValue()).isEqualByComparingTo("1800.00");
    // A long is no short.
    portfolio.mark(FRAC, 200000);
    assertThat(portfolio.shortValue()).isEqualByComparingTo("1800.00");
  }

  @Test
  void short_round_trips_rebuild_to_the_incremental_state_and_realize_entry_less_exit() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int sequence = 0; sequence < 2000; sequence++) {
      Instrument i = random.nextBoolean() ? ABC : FRAC;
      List<Fill> fills = new ArrayList<>();
      Ledger incremental = new Ledger(START);
      BigDecimal sold = BigDecimal.ZERO;
      BigDecimal bought = BigDecimal.ZERO;
      long held = 0;
      int trips = 1 + random.nextInt(6);
      for (int trip = 0; trip < trips; trip++) {
        // Sell first in one or more fills, then buy back in one or more partial covers.
        int sales = 1 + random.nextInt(3);
        for (int s = 0; s < sales; s++) {
          long units = 1 + random.nextLong(100_000);
          Fill f = randomFill(random, i, fills.size(), Side.SELL, units);
          fills.add(f);
          incremental.apply(f);
          sold = sold.add(f.notional());
          held += units;
        }
        while (held > 0) {
          long units = random.nextInt(3) == 0 ? held : 1 + random.nextLong(held);
          BigDecimal before = incremental.realizedPnl();
          Position p = incremental.position(i.symbol());
          Fill f = randomFill(random, i, fills.size(), Side.BUY, units);
          fills.add(f);
          incremental.apply(f);
          bought = bought.add(f.notional());
          held -= units;
          // Each cover realizes the proceeds it carried (pro rata) less what it paid.
          BigDecimal carried =
              units == -p.quantity().movePointRight(i.quantityScale()).longValueExact()
                  ? p.costBasis().negate()
                  : p.costBasis()
                      .negate()
                      .multiply(f.quantity().toBigDecimal())
                      .divide(
                          p.quantity().negate(),
                          i.priceScale() + i.quantityScale(),
                          RoundingMode.HALF_EVEN);
          assertThat(incremental.realizedPnl().subtract(before))
              .as("sequence %d cover %d", sequence, fills.size())
              .isEqualByComparingTo(carried.subtract(f.notional()));
        }
      }
      Ledger rebuilt = Ledger.rebuild(START, fills);
      assertThat(rebuilt.sameStateAs(incremental)).as("sequence %d", sequence).isTrue();
      assertThat(incremental.positions()).isEmpty();
      assertThat(incremental.realizedPnl())
          .as("sequence %d", sequence)
          .isEqualByComparingTo(sold.subtract(bought));
      assertThat(incremental.cash())
          .isEqualByComparingTo(START.add(sold).subtract(bought).subtract(incremental.fees()));
    }
  }

  private static Fill randomFill(
      SplittableRandom random, Instrument i, int k, Side side, long units) {
    long price = 1 + random.nextLong(1_000L * (long) Math.pow(10, i.priceScale()));
    return new Fill(
        new TradeId("t" + k),
        new ClientOrderId("o" + k),
        null,
        i,
        side,
        new Quantity(units, i.quantityScale()),
        i.price(price),
        BigDecimal.valueOf(random.nextInt(300), 2),
        Instant.ofEpochSecond(1_700_000_000L + k),
        "v1");
  }

  private static Fill fill(Instrument i, int k, Side side, long qty, String price, String fee) {
    return new Fill(
        new TradeId("t" + k),
        new ClientOrderId("o" + k),
        null,
        i,
        side,
        new Quantity(qty, i.quantityScale()),
        Price.of(new BigDecimal(price), i.priceScale()),
        new BigDecimal(fee),
        Instant.parse("2024-01-02T15:00:00Z").plusSeconds(k),
        "v1");
  }
}
