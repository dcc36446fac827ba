package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestErrorsTest {
  @TempDir Path tmp;
  Path good;

  @BeforeEach
  void writeGoodFile() throws IOException {
    good = tmp.resolve("good.csv");
    Files.writeString(
        good,
        """
        Date,Open,High,Low,Close,Adj Close,Volume
        2020-01-02,10.00,10.50,9.90,10.20,10.20,1000
        2020-01-03,10.20,10.40,10.00,10.10,10.10,1200
        """);
  }

  private Cli.Run backtest(Path data, String... extra) {
    String[] base = {"backtest", "--data", data.toString(), "--symbol", "ABC"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  private static void assertOneLineError(Cli.Run run, int exitCode, String... fragments) {
    assertThat(run.exitCode()).isEqualTo(exitCode);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ");
  }

  @Test
  void malformed_csv_exits_1_naming_file_and_line_and_writes_nothing() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        """
        Date,Open,High,Low,Close,Adj Close,Volume
        2020-01-02,10.00,10.50,9.90,10.20,10.20,1000
        2020-01-03,10.20,abc,10.00,10.10,10.10,1200
        """);
    Path out = tmp.resolve("out");

    Cli.Run run = backtest(bad, "--strategy", "sma-cross", "--out", out.toString());

    assertOneLineError(run, 1, "bad.csv", "line 3");
    assertThat(out).doesNotExist();
  }

  @Test
  void lenient_skips_malformed_rows_with_one_warning() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        """
        Date,Open,High,Low,Close,Adj Close,Volume
        2020-01-02,10.00,10.50,9.90,10.20,10.20,1000
        2020-01-03,10.20,abc,10.00,10.10,10.10,1200
        2020-01-06,10.10,10.30,10.00,10.25,10.25,900
        """);

    Cli.Run run = backtest(bad, "--strategy", "sma-cross", "--lenient", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("warning: skipped 1 malformed row").contains("line 3");
    assertThat(OutputFiles.json(run.out()).get("bars").asInt()).isEqualTo(2);
  }

  @Test
  void output_folder_that_cannot_be_made_exits_1() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");

    Cli.Run run =
        backtest(good, "--strategy", "sma-cross", "--out", file.resolve("sub").toString());

    assertOneLineError(run, 1, "Exception: ", file.resolve("sub").toString());
  }

  @Test
  void missing_data_file_exits_1() {
    Cli.Run run = backtest(tmp.resolve("nope.csv"), "--strategy", "sma-cross");

    assertOneLineError(run, 1, "not found", "nope.csv");
  }

  @Test
  void unknown_strategy_is_a_usage_error_naming_it() {
    Cli.Run run = backtest(good, "--strategy", "moon-shot");

    assertOneLineError(run, 2, "moon-shot", "sma-cross", "breakout");
  }

  @Test
  void unknown_parameter_is_a_usage_error_naming_it() {
    Cli.Run run = backtest(good, "--strategy", "sma-cross", "--param", "fats=5");

    assertOneLineError(run, 2, "fats", "sma-cross");
  }

  @Test
  void bad_parameter_value_is_a_usage_error_naming_it() {
    Cli.Run run = backtest(good, "--strategy", "sma-cross", "--param", "fast=ten");

    assertOneLineError(run, 2, "fast", "ten");
  }

  @Test
  void negative_cash_is_a_usage_error() {
    Cli.Run run = backtest(good, "--strategy", "sma-cross", "--cash", "-5");

    assertOneLineError(run, 2, "--cash", "-5");
  }

  @Test
  void a_number_that_is_not_one_is_a_usage_error() {
    Cli.Run run = backtest(good, "--strategy", "sma-cross", "--fee-bps", "five");

    assertOneLineError(run, 2, "--fee-bps", "five");
  }

  @Test
  void a_value_that_is_not_a_number_is_named_with_its_option_in_plain_words() {
    Cli.Run decimal = backtest(good, "--strategy", "sma-cross", "--fee-bps", "x");
    Cli.Run whole = backtest(good, "--strategy", "sma-cross", "--max-open-positions", "2.5");

    assertOneLineError(decimal, 2, "--fee-bps");
    assertThat(decimal.err()).isEqualTo("error: --fee-bps: 'x' is not a number\n");
    assertOneLineError(whole, 2, "--max-open-positions");
    assertThat(whole.err()).isEqualTo("error: --max-open-positions: '2.5' is not a whole number\n");
  }

  @Test
  void a_mistyped_command_or_option_gets_the_closest_one() {
    Cli.Run command = Cli.run("backtset");
    Cli.Run subcommand = Cli.run("portfolio", "craete", "swing");
    Cli.Run option = backtest(good, "--strategy", "sma-cross", "--fee-bp", "5");

    assertOneLineError(command, 2, "unknown command 'backtset'", "did you mean backtest?");
    assertOneLineError(subcommand, 2, "unknown command 'craete'", "did you mean create?");
    assertOneLineError(option, 2, "'--fee-bp'", "did you mean --fee-bps");
  }

  @Test
  void out_path_that_is_a_file_is_refused_before_running() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");

    Cli.Run run = backtest(good, "--strategy", "sma-cross", "--out", file.toString());

    assertOneLineError(run, 2, file.toString(), "not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void debug_shows_the_stack_trace() {
    Path missing = tmp.resolve("nope.csv");

    Cli.Run flag = backtest(missing, "--strategy", "sma-cross", "--debug");
    Cli.Run env =
        Cli.run(
            Map.of("TRADECORE_DEBUG", "1"),
            "backtest",
            "--data",
            missing.toString(),
            "--symbol",
            "ABC",
            "--strategy",
            "sma-cross");

    assertThat(flag.exitCode()).isEqualTo(1);
    assertThat(flag.err()).contains("MarketDataException", "\tat ").contains("error: ");
    assertThat(env.err()).contains("MarketDataException", "\tat ");
  }

  @Test
  void no_command_is_a_usage_error() {
    assertOneLineError(Cli.run(), 2, "tradecore demo");
  }

  @Test
  void version_and_help_exit_0() {
    Cli.Run version = Cli.run("--version");
    Cli.Run help = Cli.run("backtest", "--help");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("tradecore ");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--data", "--strategy", "--param", "--out", "--json");
  }
}
