package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.csv;
import static io.tradecore.app.cli.OutputFiles.json;
import static io.tradecore.app.cli.OutputFiles.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.app.output.OutputWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest --strategy breakout --param direction=short} on NVDA's daily bars, with fees and
 * slippage: the output files of a short breakout, checked against its fills.
 */
class ShortBreakoutCommandTest {
  @TempDir Path tmp;

  @Test
  void
      a_short_breakout_earns_each_trade_its_entry_less_exit_notional_less_fees_and_cash_reconciles()
          throws IOException {
    String shared = System.getProperty("tradecore.shared");
    Path nvda = shared == null ? null : Path.of(shared, "data", "market", "nvda-1999-2014.txt");
    if (nvda == null || !Files.isRegularFile(nvda)) {
      String reason = "skipping: NVDA data not found (tradecore.shared=" + shared + ")";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    Path out = tmp.resolve("short");
    Cli.Run run =
        Cli.run(
            "backtest",
            "--data",
            nvda.toString(),
            "--symbol",
            "NVDA",
            "--strategy",
            "breakout",
            "--param",
            "direction=short",
            "--cash",
            "100000",
            "--fee-bps",
            "5",
            "--min-fee",
            "1",
            "--slippage-bps",
            "2",
            "--json",
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<Map<String, String>> fills = csv(out.resolve("fills.csv"), OutputWriter.FILLS_HEADER);
    List<Map<String, String>> trades = csv(out.resolve("trades.csv"), OutputWriter.TRADES_HEADER);
    // Each plan's fills: what its sales brought in, what buying back cost, and its fees.
    Map<String, BigDecimal[]> byPlan = new HashMap<>();
    BigDecimal cash = new BigDecimal("100000");
    for (Map<String, String> f : fills) {
      BigDecimal notional =
          new BigDecimal(f.get("price")).multiply(new BigDecimal(f.get("quantity")));
      BigDecimal fee = new BigDecimal(f.get("fee"));
      BigDecimal[] sums =
          byPlan.computeIfAbsent(
              f.get("plan_id"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, null});
      boolean sell = f.get("side").equals("SELL");
      sums[sell ? 0 : 1] = sums[sell ? 0 : 1].add(notional);
      sums[2] = sums[2] == null ? fee : sums[2].add(fee);
      cash = sell ? cash.add(notional) : cash.subtract(notional);
      cash = cash.subtract(fee);
    }
    assertThat(trades).hasSizeGreaterThan(10);
    // One fill each way per plan here (no volume cap), so a trade's row is its plan's fills.
    List<BigDecimal> expected =
        byPlan.values().stream()
            .filter(s -> s[1].signum() != 0)
            .map(s -> s[0].subtract(s[1]).subtract(s[2]))
            .sorted()
            .toList();
    List<BigDecimal> reported =
        trades.stream()
            .peek(t -> assertThat(t.get("side")).isEqualTo("SELL"))
            .map(t -> new BigDecimal(t.get("pnl")).stripTrailingZeros())
            .sorted()
            .toList();
    assertThat(reported)
        .containsExactlyElementsOf(expected.stream().map(BigDecimal::stripTrailingZeros).toList());
    for (Map<String, String> t : trades) {
      BigDecimal gross =
          new BigDecimal(t.get("entry_price"))
              .subtract(new BigDecimal(t.get("exit_price")))
              .multiply(new BigDecimal(t.get("quantity")));
      assertThat(new BigDecimal(t.get("pnl")))
          .isEqualByComparingTo(gross.subtract(new BigDecimal(t.get("fees"))));
    }

    // Cash reconciles: the fills' cash is the last equity row's, and with nothing open it is the
    // starting cash plus the trades' PnL (fees included).
    List<Map<String, String>> equity = csv(out.resolve("equity.csv"), OutputWriter.EQUITY_HEADER);
    assertThat(new BigDecimal(equity.getLast().get("cash"))).isEqualByComparingTo(cash);
    BigDecimal finalEquity = json(out.resolve("summary.json")).get("final_equity").decimalValue();
    BigDecimal openPnl =
        sum(csv(out.resolve("positions.csv"), OutputWriter.POSITIONS_HEADER), "unrealized_pnl");
    assertThat(finalEquity)
        .isEqualByComparingTo(new BigDecimal("100000").add(sum(trades, "pnl")).add(openPnl));
    if (openPnl.signum() == 0
        && csv(out.resolve("positions.csv"), OutputWriter.POSITIONS_HEADER).isEmpty()) {
      assertThat(cash).isEqualByComparingTo(new BigDecimal("100000").add(sum(trades, "pnl")));
    }
  }
}
