package io.tradecore.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Side;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MomentumRotationBacktestTest {
  static final BigDecimal CASH = new BigDecimal("100000");

  /** ORCL, NVDA and YHOO daily bars from the shared data, or the test is skipped. */
  static List<BarSeries> threeSymbols() {
    String shared = System.getProperty("tradecore.shared");
    List<BarSeries> out = new ArrayList<>();
    for (String[] f :
        new String[][] {
          {"orcl-1995-2014.txt", "ORCL"},
          {"nvda-1999-2014.txt", "NVDA"},
          {"yhoo-1996-2014.txt", "YHOO"}
        }) {
      Path file = shared == null ? null : Path.of(shared, "data", "market", f[0]);
      if (file == null || !Files.isRegularFile(file)) {
        String reason = "shared market data " + f[0] + " is missing; skipping";
        System.out.println(reason);
        Assumptions.assumeTrue(false, reason);
      }
      out.add(CsvBarReader.read(file, f[1], "USD", CsvBarReader.Options.STRICT));
    }
    return out;
  }

  @Test
  void momentum_rotation_trades_all_three_symbols_and_never_overspends() {
    BacktestSpec spec =
        BacktestSpec.of(
            "momentum-rotation", Map.of("top", "1", "lookback", "60", "rebalance", "20"), CASH);
    BacktestResult r = new Backtest(spec).run(threeSymbols(), Progress.NONE);

    Set<String> bought = new HashSet<>();
    for (Fill f : r.fills()) {
      if (f.side() == Side.BUY) {
        bought.add(f.instrument().symbol());
      }
    }
    assertThat(bought).containsExactlyInAnyOrder("ORCL", "NVDA", "YHOO");
    assertThat(r.trades()).hasSizeGreaterThan(20);
    // Rotation closes before it enters: never more than one holding, never negative cash.
    for (EquityPoint p : r.equityCurve()) {
      assertThat(p.cash().signum()).as("cash at %s", p.time()).isGreaterThanOrEqualTo(0);
    }
    assertThat(r.openPositions()).hasSizeLessThanOrEqualTo(1);
    BigDecimal sum = CASH;
    for (RoundTrip t : r.trades()) {
      sum = sum.add(t.pnl());
    }
    for (OpenPosition p : r.openPositions()) {
      sum = sum.add(p.unrealizedPnl());
    }
    assertThat(sum).isEqualByComparingTo(r.metrics().finalEquity());
  }

  @Test
  void all_in_entries_on_several_symbols_at_one_moment_share_the_cash() {
    // sma-cross on three symbols: entries decided at the same moment must not each take all cash.
    BacktestSpec spec = BacktestSpec.of("sma-cross", Map.of("fast", "5", "slow", "20"), CASH);
    BacktestResult r = new Backtest(spec).run(threeSymbols(), Progress.NONE);

    for (EquityPoint p : r.equityCurve()) {
      assertThat(p.cash().signum()).as("cash at %s", p.time()).isGreaterThanOrEqualTo(0);
    }
    assertThat(r.trades()).isNotEmpty();
  }
}
