package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.csv;
import static io.tradecore.app.cli.OutputFiles.json;
import static io.tradecore.app.cli.OutputFiles.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.output.OutputWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
  static final List<String> METRIC_KEYS =
      List.of(
          "trades",
          "open_positions",
          "final_equity",
          "total_return",
          "cagr",
          "sharpe",
          "sortino",
          "max_drawdown",
          "win_rate",
          "profit_factor",
          "fees",
          "bars");

  static Path nvda;

  @TempDir Path tmp;

  @BeforeAll
  static void findNvda() {
    String shared = System.getProperty("tradecore.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "market", "nvda-1999-2014.txt");
    if (file == null || !Files.isRegularFile(file)) {
      String reason =
          "skipping: NVDA data not found (tradecore.shared="
              + shared
              + ", looked for "
              + file
              + ")";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    nvda = file;
  }

  private Cli.Run nvdaBacktest(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "backtest",
                "--data",
                nvda.toString(),
                "--symbol",
                "NVDA",
                "--strategy",
                "sma-cross",
                "--param",
                "fast=10",
                "--param",
                "slow=30",
                "--cash",
                "100000",
                "--fee-bps",
                "5",
                "--min-fee",
                "1",
                "--slippage-bps",
                "2"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void backtest_json_has_every_metric() {
    Cli.Run run = nvdaBacktest("--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode summary = json(run.out());
    assertThat(summary.isObject()).isTrue();
    for (String key : METRIC_KEYS) {
      assertThat(summary.has(key)).as(key).isTrue();
    }
    assertThat(summary.get("symbol").asText()).isEqualTo("NVDA");
    assertThat(summary.get("strategy").asText()).isEqualTo("sma-cross");
    assertThat(summary.get("params").get("fast").asText()).isEqualTo("10");
    assertThat(summary.get("bars").asInt()).isGreaterThan(3_000);
    assertThat(summary.get("trades").asInt()).isPositive();
    assertThat(summary.get("max_drawdown").asDouble()).isBetween(0.0, 1.0);
    assertThat(summary.get("final_equity").isBigDecimal()).isTrue();
  }

  @Test
  void final_equity_is_cash_plus_trade_pnl_plus_open_pnl_exactly() throws IOException {
    Path out = tmp.resolve("nvda");
    Cli.Run run = nvdaBacktest("--json", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = json(run.out());
    BigDecimal finalEquity = summary.get("final_equity").decimalValue();
    BigDecimal tradePnl = sum(csv(out.resolve("trades.csv"), OutputWriter.TRADES_HEADER), "pnl");
    BigDecimal openPnl =
        sum(csv(out.resolve("positions.csv"), OutputWriter.POSITIONS_HEADER), "unrealized_pnl");

    assertThat(finalEquity)
        .isEqualByComparingTo(new BigDecimal("100000").add(tradePnl).add(openPnl));
    assertThat(summary.get("out").asText()).isEqualTo(out.toString());
    assertThat(Path.of(summary.get("run").asText())).isDirectory().startsWith(out.resolve("runs"));
    assertThat(json(out.resolve("summary.json")))
        .as("summary.json is the object --json prints, out and run included")
        .isEqualTo(summary);
  }

  @Test
  void last_equity_cash_reconciles_with_fills() throws IOException {
    Path out = tmp.resolve("nvda");
    assertThat(nvdaBacktest("--out", out.toString()).exitCode()).isZero();

    List<Map<String, String>> fills = csv(out.resolve("fills.csv"), OutputWriter.FILLS_HEADER);
    BigDecimal cash = new BigDecimal("100000");
    for (Map<String, String> f : fills) {
      BigDecimal notional =
          new BigDecimal(f.get("price")).multiply(new BigDecimal(f.get("quantity")));
      cash = f.get("side").equals("BUY") ? cash.subtract(notional) : cash.add(notional);
      cash = cash.subtract(new BigDecimal(f.get("fee")));
    }
    List<Map<String, String>> equity = csv(out.resolve("equity.csv"), OutputWriter.EQUITY_HEADER);

    assertThat(fills).isNotEmpty();
    assertThat(new BigDecimal(equity.getLast().get("cash"))).isEqualByComparingTo(cash);
    BigDecimal fees = sum(fills, "fee");
    assertThat(json(out.resolve("summary.json")).get("fees").decimalValue())
        .isEqualByComparingTo(fees);
  }

  @Test
  void text_summary_shows_money_and_percentages() {
    Cli.Run run = nvdaBacktest();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("sma-cross on NVDA")
        .containsPattern("final equity +[\\d,]+\\.\\d\\d USD")
        .containsPattern("max drawdown +\\d+\\.\\d\\d%")
        .containsPattern("starting cash +100,000\\.00 USD");
  }

  @Test
  void a_folder_of_files_backtests_them_together_with_symbols_from_their_names()
      throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("market"));
    Path shared = nvda.getParent();
    for (String name : List.of("orcl-1995-2014.txt", "nvda-1999-2014.txt", "yhoo-1996-2014.txt")) {
      Files.copy(shared.resolve(name), folder.resolve(name));
    }
    Path out = tmp.resolve("rotation");

    Cli.Run run =
        Cli.run(
            "backtest",
            "--data",
            folder.toString(),
            "--strategy",
            "momentum-rotation",
            "--out",
            out.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(json(out.resolve("summary.json")).get("symbol").asText())
        .isEqualTo("NVDA,ORCL,YHOO");
    List<Map<String, String>> trades = csv(out.resolve("trades.csv"), OutputWriter.TRADES_HEADER);
    assertThat(trades).extracting(t -> t.get("symbol")).contains("NVDA", "ORCL", "YHOO");
  }
}
