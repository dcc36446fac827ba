package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.csv;
import static io.tradecore.app.cli.OutputFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.app.output.OutputWriter;
import io.tradecore.app.output.RunFolderWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestOutputTest {
  @TempDir Path tmp;

  private Path syntheticFile() throws IOException {
    Path file = tmp.resolve("bars.csv");
    BarCsvWriter.write(
        file,
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2020, 1, 6), 400, 7, 50));
    return file;
  }

  @Test
  void out_writes_the_files_with_exact_headers() throws IOException {
    Path out = tmp.resolve("a/b/out");
    Cli.Run run =
        Cli.run(
            "backtest",
            "--data",
            syntheticFile().toString(),
            "--symbol",
            "SYN",
            "--strategy",
            "breakout",
            "--param",
            "channel=10",
            "--cash",
            "25000",
            "--fee-bps",
            "5",
            "--min-fee",
            "1",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("output", out.toString());
    List<Map<String, String>> trades = csv(out.resolve("trades.csv"), OutputWriter.TRADES_HEADER);
    assertThat(trades).isNotEmpty();
    assertThat(OutputWriter.TRADES_HEADER)
        .isEqualTo("entry_time,entry_price,exit_time,exit_price,quantity,pnl,fees,symbol,side");
    assertThat(OutputWriter.FILLS_HEADER)
        .isEqualTo("trade_id,order_id,plan_id,time,symbol,side,quantity,price,fee,bot_version");
    assertThat(OutputWriter.EQUITY_HEADER).isEqualTo("time,close,cash,position,equity");
    csv(out.resolve("fills.csv"), OutputWriter.FILLS_HEADER);
    assertThat(csv(out.resolve("equity.csv"), OutputWriter.EQUITY_HEADER)).hasSize(400);
    assertThat(json(out.resolve("summary.json")).get("bars").asInt()).isEqualTo(400);

    Path runDir;
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    String name = runDir.getFileName().toString();
    assertThat(name).isEqualTo("breakout-SYN-20250314T093000Z");
    JsonNode experiment = json(runDir.resolve("experiment.json"));
    assertThat(experiment.get("algorithm").asText()).isEqualTo("rule:breakout");
    assertThat(experiment.get("params").get("channel").asText()).isEqualTo("10");
    assertThat(experiment.get("cash").decimalValue()).isEqualByComparingTo("25000");
    assertThat(experiment.get("created").asText()).isEqualTo("2025-03-14T09:30:00Z");
    for (String key :
        List.of(
            "symbol",
            "data_file",
            "fee_bps",
            "min_fee",
            "slippage_bps",
            "bot_version",
            "tradecore_version",
            "strategy")) {
      assertThat(experiment.has(key)).as(key).isTrue();
    }
    assertThat(RunFolderWriter.ACTIONS_HEADER)
        .isEqualTo("step,env,timestamp,price,action,position,cash,equity,drawdown,reward");
    List<Map<String, String>> actions =
        csv(runDir.resolve(name + "_actions.csv"), RunFolderWriter.ACTIONS_HEADER);
    assertThat(actions).hasSize(400);
    assertThat(actions).extracting(r -> r.get("env")).containsOnly("0");
    assertThat(actions).extracting(r -> r.get("action")).contains("hold", "buy", "sell");
    JsonNode eval = json(runDir.resolve("eval_summary.json"));
    for (String key : List.of("total_return", "sharpe", "max_drawdown", "trades", "final_equity")) {
      assertThat(eval.has(key)).as(key).isTrue();
    }
  }

  @Test
  void a_second_run_gets_its_own_run_folder() throws IOException {
    Path data = syntheticFile();
    Path out = tmp.resolve("out");
    String[] args = {
      "backtest",
      "--data",
      data.toString(),
      "--symbol",
      "SYN",
      "--strategy",
      "sma-cross",
      "--out",
      out.toString()
    };

    assertThat(Cli.run(args).exitCode()).isZero();
    assertThat(Cli.run(args).exitCode()).isZero();

    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      assertThat(runs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "sma-cross-SYN-20250314T093000Z", "sma-cross-SYN-20250314T093000Z-2");
    }
  }
}
