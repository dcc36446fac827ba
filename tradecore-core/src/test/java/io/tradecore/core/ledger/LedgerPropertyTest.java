package io.tradecore.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LedgerPropertyTest {
  private static final Instrument[] INSTRUMENTS = {
    new Instrument("AAA", "USD", 2, 6),
    new Instrument("BBB", "USD", 4, 3),
    Instrument.of("CCC", "USD", 6)
  };
  private static final BigDecimal START = new BigDecimal("100000.00");

  @Test
  void rebuild_equals_incremental_state_for_thousands_of_random_fill_sequences() {
    SplittableRandom random = new SplittableRandom(20261121);
    for (int sequence = 0; sequence < 3000; sequence++) {
      List<Fill> fills = randomFills(random, 1 + random.nextInt(60));
      Portfolio incremental = new Portfolio(new PortfolioId("p"), "USD", START);
      int cut = random.nextInt(fills.size() + 1);
      for (Fill fill : fills) {
        incremental.apply(fill);
      }
      // Rebuild from the whole history, and from a prefix continued incrementally.
      Portfolio rebuilt = Portfolio.rebuild(new PortfolioId("p"), "USD", START, fills);
      Portfolio resumed =
          Portfolio.rebuild(new PortfolioId("p"), "USD", START, fills.subList(0, cut));
      fills.subList(cut, fills.size()).forEach(resumed::apply);

      assertThat(rebuilt.ledger().sameStateAs(incremental.ledger()))
          .as("sequence %d", sequence)
          .isTrue();
      assertThat(resumed.ledger().sameStateAs(incremental.ledger()))
          .as("sequence %d", sequence)
          .isTrue();
      assertReconciles(incremental.ledger(), fills, random);
    }
  }

  /** Cash, quantities and PnL identities checked against sums over the fills, independently. */
  private static void assertReconciles(Ledger ledger, List<Fill> fills, SplittableRandom random) {
    BigDecimal cash = START;
    BigDecimal fees = BigDecimal.ZERO;
    Map<String, BigDecimal> quantity = new HashMap<>();
    Map<String, BigDecimal> spent = new HashMap<>();
    for (Fill f : fills) {
      BigDecimal signedNotional = f.signedQuantity().multiply(f.price().toBigDecimal());
      cash = cash.subtract(signedNotional).subtract(f.fee());
      fees = fees.add(f.fee());
      quantity.merge(f.instrument().symbol(), f.signedQuantity(), BigDecimal::add);
      spent.merge(f.instrument().symbol(), signedNotional, BigDecimal::add);
    }
    assertThat(ledger.cash()).isEqualByComparingTo(cash);
    assertThat(ledger.fees()).isEqualByComparingTo(fees);
    for (Instrument i : INSTRUMENTS) {
      BigDecimal q = quantity.getOrDefault(i.symbol(), BigDecimal.ZERO);
      Position p = ledger.position(i.symbol());
      assertThat(p == null ? BigDecimal.ZERO : p.quantity()).isEqualByComparingTo(q);
    }
    // At any marks: equity - start == realized + unrealized - fees, to the last digit.
    Map<String, BigDecimal> marks = new HashMap<>();
    for (Instrument i : INSTRUMENTS) {
      marks.put(i.symbol(), BigDecimal.valueOf(1 + random.nextInt(50_000), i.priceScale()));
    }
    LedgerSummary s = ledger.summary(marks);
    assertThat(s.equity().subtract(START)).isEqualByComparingTo(s.totalPnl());
    // When everything is flat, realized PnL is exactly what the round trips earned.
    if (ledger.positions().isEmpty()) {
      BigDecimal earned = spent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).negate();
      assertThat(ledger.realizedPnl()).isEqualByComparingTo(earned);
    }
  }

  private static List<Fill> randomFills(SplittableRandom random, int n) {
    List<Fill> fills = new ArrayList<>(n);
    Map<String, Long> held = new HashMap<>();
    for (int k = 0; k < n; k++) {
      Instrument i = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
      long position = held.getOrDefault(i.symbol(), 0L);
      long units;
      Side side;
      int shape = random.nextInt(4);
      if (position != 0 && shape == 0) {
        // Close exactly.
        units = Math.abs(position);
        side = position > 0 ? Side.SELL : Side.BUY;
      } else if (position != 0 && shape == 1) {
        // Partial close.
        units = 1 + random.nextLong(Math.abs(position));
        side = position > 0 ? Side.SELL : Side.BUY;
      } else if (position != 0 && shape == 2) {
        // Flip through zero.
        units = Math.abs(position) + 1 + random.nextLong(5_000_000);
        side = position > 0 ? Side.SELL : Side.BUY;
      } else {
        units = 1 + random.nextLong(5_000_000);
        side = random.nextBoolean() ? Side.BUY : Side.SELL;
      }
      held.put(i.symbol(), position + side.sign() * units);
      long price = 1 + random.nextLong(10_000L * (long) Math.pow(10, i.priceScale()));
      BigDecimal fee = BigDecimal.valueOf(random.nextInt(500), 2);
      fills.add(
          new Fill(
              new TradeId("t" + k),
              new ClientOrderId("o" + k),
              null,
              i,
              side,
              new Quantity(units, i.quantityScale()),
              i.price(price),
              fee,
              Instant.ofEpochSecond(1_700_000_000L + k),
              random.nextBoolean() ? "v1" : "v2"));
    }
    return fills;
  }

  @Test
  void partial_close_realizes_pro_rata_cost_and_keeps_the_rest() {
    Instrument abc = new Instrument("ABC", "USD", 2, 0);
    Ledger ledger = new Ledger(new BigDecimal("1000"));
    ledger.apply(fill(abc, Side.BUY, 3, "10.00", "0"));
    ledger.apply(fill(abc, Side.BUY, 1, "14.00", "0"));
    ledger.apply(fill(abc, Side.SELL, 2, "15.00", "1.00"));

    Position p = ledger.position("ABC");
    assertThat(p.quantity()).isEqualByComparingTo("2");
    assertThat(p.costBasis()).isEqualByComparingTo("22.00");
    assertThat(p.averageCost()).isEqualByComparingTo("11.00");
    assertThat(ledger.realizedPnl()).isEqualByComparingTo("8.00");
    assertThat(ledger.fees()).isEqualByComparingTo("1.00");
    assertThat(ledger.cash()).isEqualByComparingTo("985.00");
  }

  @Test
  void a_fill_through_zero_flips_the_position_at_the_fill_price() {
    Instrument abc = new Instrument("ABC", "USD", 2, 0);
    Ledger ledger = new Ledger(new BigDecimal("1000"));
    ledger.apply(fill(abc, Side.BUY, 5, "10.00", "0"));
    ledger.apply(fill(abc, Side.SELL, 8, "12.00", "0"));

    Position p = ledger.position("ABC");
    assertThat(p.quantity()).isEqualByComparingTo("-3");
    assertThat(p.costBasis()).isEqualByComparingTo("-36.00");
    assertThat(ledger.realizedPnl()).isEqualByComparingTo("10.00");
    assertThat(p.unrealizedPnl(new BigDecimal("11.00"))).isEqualByComparingTo("3.00");
  }

  @Test
  void slices_per_bot_version_add_up_to_the_whole() {
    Instrument abc = new Instrument("ABC", "USD", 2, 0);
    Portfolio portfolio = new Portfolio(new PortfolioId("p"), "USD", new BigDecimal("1000"));
    portfolio.apply(versioned(fill(abc, Side.BUY, 2, "10.00", "0.50"), "v1"));
    portfolio.apply(versioned(fill(abc, Side.SELL, 1, "13.00", "0.50"), "v2"));
    portfolio.mark("ABC", new BigDecimal("12.00"));

    Map<String, LedgerSummary> byVersion = portfolio.summaryByVersion();
    assertThat(byVersion).containsOnlyKeys("v1", "v2");
    assertThat(byVersion.get("v1").fees()).isEqualByComparingTo("0.50");
    BigDecimal slicesPnl =
        byVersion.values().stream()
            .map(LedgerSummary::totalPnl)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(slicesPnl).isEqualByComparingTo(portfolio.summary().totalPnl());
  }

  private static Fill fill(Instrument i, Side side, long qty, String price, String fee) {
    return new Fill(
        new TradeId("t" + price + side + qty),
        new ClientOrderId("o"),
        null,
        i,
        side,
        new Quantity(qty, i.quantityScale()),
        io.tradecore.core.domain.Price.of(new BigDecimal(price), i.priceScale()),
        new BigDecimal(fee),
        Instant.parse("2024-01-02T15:00:00Z"),
        "v1");
  }

  private static Fill versioned(Fill f, String version) {
    return new Fill(
        f.tradeId(),
        f.orderId(),
        f.planId(),
        f.instrument(),
        f.side(),
        f.quantity(),
        f.price(),
        f.fee(),
        f.time(),
        version);
  }
}
