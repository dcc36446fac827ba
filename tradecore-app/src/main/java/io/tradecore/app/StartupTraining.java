package io.tradecore.app;

import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training run from which the {@code ./tradecore} launcher builds its start-up cache (a JDK AOT
 * cache or CDS archive of the classes the common commands load): runs {@code --help}, {@code init},
 * {@code status}, {@code portfolio list}, a {@code backtest --out} and small {@code optimize}
 * searches (grid and genetic) of generated bars in the current folder, which must be an empty
 * scratch folder. It ignores every TRADECORE_ variable (so it never opens the user's database) and
 * prints nothing; a command that fails only makes the cache smaller.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("TRADECORE_"));
    Path bars = here.resolve("bars.csv");
    BarCsvWriter.write(
        bars,
        SyntheticBars.generate(
            Instrument.of("TRAIN", "USD", 2), LocalDate.of(2020, 1, 6), 500, 1, 100.0));
    String[][] commands = {
      {"--help"},
      {"backtest", "--help"},
      {"status", "--help"},
      {"init"},
      {"status", "--portfolio", "main"},
      {"status", "--portfolio", "main", "--json"},
      {"portfolio", "list"},
      {
        "backtest",
        "--data",
        bars.toString(),
        "--strategy",
        "sma-cross",
        "--param",
        "fast=10",
        "--param",
        "slow=30",
        "--out",
        here.resolve("out").toString()
      },
      {"backtest", "--data", bars.toString(), "--strategy", "breakout", "--json"},
      {
        "optimize",
        "--data",
        bars.toString(),
        "--strategy",
        "sma-cross",
        "--param",
        "fast=5..10",
        "--param",
        "slow=20..30:5",
        "--json"
      },
      {
        "optimize",
        "--data",
        bars.toString(),
        "--strategy",
        "sma-cross",
        "--param",
        "fast=2..20",
        "--param",
        "slow=10..40",
        "--method",
        "genetic",
        "--trials",
        "20",
        "--population",
        "10"
      },
    };
    for (String[] command : commands) {
      CommandLine cli = Main.commandLine(Clock.systemUTC(), env);
      cli.setOut(new PrintWriter(new StringWriter()));
      cli.setErr(new PrintWriter(new StringWriter()));
      cli.execute(command);
    }
    Files.deleteIfExists(bars);
  }
}
