package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Side;
import io.tradecore.core.ledger.Ledger;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * breakout with {@code direction=short} on NVDA's daily bars (1999-2014), with fees, a minimum fee
 * and slippage: each short round trip's PnL and the cash are checked against the fills themselves.
 */
class ShortBreakoutNvdaTest {
  private static final BigDecimal CASH = new BigDecimal("100000");

  private static BarSeries nvda() {
    String shared = System.getProperty("tradecore.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "market", "nvda-1999-2014.txt");
    if (file == null || !Files.isRegularFile(file)) {
      String reason =
          shared == null
              ? "system property tradecore.shared is not set; skipping the short NVDA breakout"
              : "shared market data " + file + " is missing; skipping";
      System.out.println(reason);
      Assumptions.assumeTrue(false, reason);
    }
    return CsvBarReader.read(file, "NVDA", "USD", CsvBarReader.Options.STRICT);
  }

  private static BacktestResult run(String direction) {
    BacktestSpec spec =
        BacktestSpec.of("breakout", Map.of("direction", direction), CASH)
            .withCosts(new BigDecimal("5"), new BigDecimal("1"), new BigDecimal("2"));
    return new Backtest(spec).run(List.of(nvda()), Progress.NONE);
  }

  @Test
  void every_short_trade_earns_its_entry_less_its_exit_notional_less_fees_and_cash_reconciles() {
    BacktestResult r = run("short");

    // The fills of each plan, straight from the exchange.
    Map<String, List<Fill>> byPlan = new LinkedHashMap<>();
    for (Fill f : r.fills()) {
      byPlan.computeIfAbsent(f.planId().value(), k -> new ArrayList<>()).add(f);
    }
    assertThat(r.trades()).hasSizeGreaterThan(10);
    Map<String, RoundTrip> trades = new HashMap<>();
    for (RoundTrip t : r.trades()) {
      trades.put(t.planId(), t);
    }
    BigDecimal sumPnl = BigDecimal.ZERO;
    for (RoundTrip t : r.trades()) {
      assertThat(t.side()).as("plan %s", t.planId()).isEqualTo(Side.SELL);
      List<Fill> fills = byPlan.get(t.planId());
      assertThat(fills).as("fills of %s", t.planId()).isNotNull();
      BigDecimal sold = BigDecimal.ZERO;
      BigDecimal bought = BigDecimal.ZERO;
      BigDecimal fees = BigDecimal.ZERO;
      BigDecimal soldQty = BigDecimal.ZERO;
      BigDecimal boughtQty = BigDecimal.ZERO;
      for (Fill f : fills) {
        fees = fees.add(f.fee());
        if (f.side() == Side.SELL) {
          sold = sold.add(f.quantity().toBigDecimal().multiply(f.price().toBigDecimal()));
          soldQty = soldQty.add(f.quantity().toBigDecimal());
        } else {
          bought = bought.add(f.quantity().toBigDecimal().multiply(f.price().toBigDecimal()));
          boughtQty = boughtQty.add(f.quantity().toBigDecimal());
        }
      }
      // A closed short sold first and bought back all of it.
      assertThat(fills.getFirst().side()).as("first fill of %s", t.planId()).isEqualTo(Side.SELL);
      assertThat(boughtQty).as("bought back in %s", t.planId()).isEqualByComparingTo(soldQty);
      assertThat(t.pnl())
          .as("pnl of %s", t.planId())
          .isEqualByComparingTo(sold.subtract(bought).subtract(fees));
      assertThat(t.fees()).isEqualByComparingTo(fees);
      sumPnl = sumPnl.add(t.pnl());
    }

    // The ledger over the same fills: realized PnL of the closed shorts, and cash that reconciles.
    Ledger ledger = Ledger.rebuild(CASH, r.fills());
    BigDecimal openEntries = BigDecimal.ZERO;
    for (OpenPosition p : r.openPositions()) {
      assertThat(p.side()).isEqualTo(Side.SELL);
      assertThat(ledger.position("NVDA").quantity()).isEqualByComparingTo(p.quantity().negate());
    }
    for (Map.Entry<String, List<Fill>> e : byPlan.entrySet()) {
      if (!trades.containsKey(e.getKey())) {
        // The plan still open at the end: its sale brought cash in, its fees went out.
        for (Fill f : e.getValue()) {
          openEntries =
              openEntries.add(f.notional().multiply(BigDecimal.valueOf(-f.side().sign())));
          openEntries = openEntries.subtract(f.fee());
        }
      }
    }
    assertThat(ledger.cash())
        .as("starting cash + the closed trades' PnL (fees included) + the open short's proceeds")
        .isEqualByComparingTo(CASH.add(sumPnl).add(openEntries));
    if (r.openPositions().isEmpty()) {
      assertThat(ledger.positions()).isEmpty();
      assertThat(ledger.realizedPnl().subtract(ledger.fees())).isEqualByComparingTo(sumPnl);
    }
    // Equity is cash plus the signed value of the position (a short's value is negative).
    EquityPoint last = r.equityCurve().getLast();
    BigDecimal positionValue =
        last.position() == null ? BigDecimal.ZERO : last.position().multiply(last.close());
    assertThat(last.equity()).isEqualByComparingTo(last.cash().add(positionValue));
    assertThat(last.cash()).isEqualByComparingTo(ledger.cash());
    assertThat(r.metrics().finalEquity()).isEqualByComparingTo(last.equity());
  }

  @Test
  void the_default_direction_is_long_and_both_takes_long_and_short_breakouts() {
    BacktestResult plain =
        new Backtest(
                BacktestSpec.of("breakout", Map.of(), CASH)
                    .withCosts(new BigDecimal("5"), new BigDecimal("1"), new BigDecimal("2")))
            .run(List.of(nvda()), Progress.NONE);
    BacktestResult longOnly = run("long");
    assertThat(longOnly.fills()).isEqualTo(plain.fills());
    assertThat(longOnly.trades()).allMatch(t -> t.side() == Side.BUY);

    BacktestResult both = run("both");
    assertThat(both.trades()).anyMatch(t -> t.side() == Side.BUY);
    assertThat(both.trades()).anyMatch(t -> t.side() == Side.SELL);
  }

  @Test
  void an_exchange_without_fractions_trades_whole_shares_long_and_short() {
    BacktestSpec spec =
        BacktestSpec.of("breakout", Map.of("direction", "both"), CASH)
            .withCosts(new BigDecimal("5"), new BigDecimal("1"), new BigDecimal("2"))
            .withWholeShares(true);
    BacktestResult whole = new Backtest(spec).run(List.of(nvda()), Progress.NONE);
    BacktestResult fractional = run("both");

    assertThat(whole.fills()).isNotEmpty();
    assertThat(whole.fills())
        .allSatisfy(
            f ->
                assertThat(f.quantity().toBigDecimal().stripTrailingZeros().scale())
                    .as("quantity %s of %s", f.quantity(), f.tradeId())
                    .isLessThanOrEqualTo(0));
    assertThat(fractional.fills())
        .anyMatch(f -> f.quantity().toBigDecimal().stripTrailingZeros().scale() > 0);
    assertThat(whole.trades()).anyMatch(t -> t.side() == Side.SELL);
    for (EquityPoint p : whole.equityCurve()) {
      assertThat(p.cash().signum()).as("cash at %s", p.time()).isGreaterThanOrEqualTo(0);
    }
  }
}
