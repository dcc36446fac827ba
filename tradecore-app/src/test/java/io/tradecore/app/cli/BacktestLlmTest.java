package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.llm.FakeOpenAi;
import io.tradecore.llm.Trader;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest --strategy llm} against a loopback chat-completions server: the model's plans
 * trade, a recorded backtest replays to the same fills without calling the server, a replay without
 * a recording fails naming it, and the cap's summary is printed.
 */
class BacktestLlmTest {
  @TempDir Path tmp;
  FakeOpenAi server;

  @BeforeEach
  void start() throws IOException {
    server = new FakeOpenAi();
    server.respond(request -> Trader.alternate(request, "10"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_recorded_llm_backtest_replays_to_the_same_fills_without_the_server() throws Exception {
    Path data = bars();
    Cli.Run recorded = backtest(config("record", "5"), data, tmp.resolve("recorded"));
    assertThat(recorded.exitCode()).as(recorded.err()).isZero();
    int calls = server.calls();
    assertThat(calls).as("asked after every 5th of 60 bars").isEqualTo(12);
    assertThat(recorded.out()).contains("llm", "12 questions", "12 accepted", "mode record");
    assertThat(recorded.err())
        .as("no training cut-off configured")
        .contains("warning: gpt-4o-mini's training cut-off is not configured");
    String fills = fills(tmp.resolve("recorded"));
    assertThat(fills.lines().count()).as("the model's plans traded").isGreaterThan(5);
    assertThat(traces(tmp.resolve("recorded"))).hasSize(12);

    Cli.Run replayed = backtest(config("replay", "5"), data, tmp.resolve("replayed"));
    assertThat(replayed.exitCode()).as(replayed.err()).isZero();
    assertThat(server.calls()).as("replay never calls the model").isEqualTo(calls);
    assertThat(fills(tmp.resolve("replayed"))).isEqualTo(fills);
    assertThat(replayed.out()).contains("mode replay");
  }

  @Test
  void a_replay_without_its_recording_fails_naming_the_moment_and_file() throws Exception {
    Cli.Run run = backtest(config("replay", "5"), bars(), null);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: llm gave no answer for 2024-01-")
        .contains(": no recorded answer for the request at 2024-01-", "llm-recordings")
        .doesNotContain("Exception");
    assertThat(server.calls()).isZero();
  }

  @Test
  void the_cap_stops_the_questions_and_the_summary_says_when() throws Exception {
    Cli.Run run = backtest(config("live", "5", "max_cost: 0.0009"), bars(), null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.calls()).isBetween(1, 11);
    assertThat(run.out()).contains("held", "cap reached at 2024-");
  }

  @Test
  void the_llm_strategy_is_not_configured_until_model_prices_and_cap_are_set() throws Exception {
    Path config = Files.writeString(tmp.resolve("tradecore.yaml"), "llm:\n  mode: live\n");
    Cli.Run run = backtest(config, bars(), null);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().toList())
        .containsExactly(
            "error: the LLM strategy is not configured: llm.model is not set;"
                + " llm.price_input_per_million is not set (0 for a free local model);"
                + " llm.price_output_per_million is not set (0 for a free local model);"
                + " llm.max_cost is not set");
  }

  private Cli.Run backtest(Path config, Path data, Path out) {
    Stream<String> args =
        Stream.of(
            "backtest",
            "--data",
            data.toString(),
            "--symbol",
            "SYN",
            "--strategy",
            "llm",
            "--config",
            config.toString());
    if (out != null) {
      args = Stream.concat(args, Stream.of("--out", out.toString()));
    }
    return Cli.run(Map.of("OPENAI_API_KEY", "sk-test"), args.toArray(String[]::new));
  }

  private Path config(String mode, String every, String... extra) throws IOException {
    StringBuilder yaml =
        new StringBuilder("llm:\n")
            .append("  base_url: ")
            .append(server.baseUrl())
            .append("\n  model: gpt-4o-mini\n")
            .append("  price_input_per_million: 0.15\n")
            .append("  price_output_per_million: 0.60\n")
            .append("  max_output_tokens: 500\n")
            .append("  decide_every: ")
            .append(every)
            .append("\n  mode: ")
            .append(mode)
            .append("\n  recordings_dir: ")
            .append(tmp.resolve("llm-recordings"))
            .append('\n');
    boolean capped = false;
    for (String line : extra) {
      yaml.append("  ").append(line).append('\n');
      capped |= line.startsWith("max_cost:");
    }
    if (!capped) {
      yaml.append("  max_cost: 5\n");
    }
    return Files.writeString(tmp.resolve("tradecore-" + mode + ".yaml"), yaml.toString());
  }

  private Path bars() throws IOException {
    Path file = tmp.resolve("syn.csv");
    BarCsvWriter.write(
        file,
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2024, 1, 2), 60, 7, 50));
    return file;
  }

  private static String fills(Path out) throws IOException {
    return Files.readString(out.resolve("fills.csv"));
  }

  private static java.util.List<String> traces(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      Path traces =
          files
              .filter(p -> p.getFileName().toString().equals("llm-traces.jsonl"))
              .findFirst()
              .orElseThrow();
      return Files.readAllLines(traces);
    }
  }
}
