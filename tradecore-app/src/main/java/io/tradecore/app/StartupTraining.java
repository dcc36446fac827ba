package io.tradecore.app;

import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training run from which the {@code ./tradecore} launcher builds its start-up cache (a JDK AOT
 * cache or CDS archive of the classes the common commands load and, on JDK 25, the method profiles
 * the JIT starts from): runs {@code --help}, {@code init}, a durable {@code run} replay of {@value
 * #REPLAY_BARS} generated daily bars with sma-cross and its daily logs, {@code status}, {@code
 * portfolio list}, a {@code backtest --out} and small {@code optimize} searches (grid and genetic),
 * all on generated bars in a workspace of its own in the current folder, which must be an empty
 * scratch folder. It ignores every TRADECORE_ variable (so it never opens the user's database) and
 * prints nothing; a command that fails only makes the cache smaller.
 *
 * <p>The searches stay small on purpose: with a 645-trial grid here, {@code optimize} of the ORCL
 * file (4,851 trials) took 15-20% more CPU, not less; most likely because the profiles the cache
 * then carries come from one JVM that ran the runner, the backtests and the searches, and are more
 * polymorphic than those a search alone gathers.
 */
public final class StartupTraining {
  /** Daily bars of the replay: about twelve years. */
  static final int REPLAY_BARS = 3_000;

  private StartupTraining() {}

  /** What one training command did. */
  record Step(List<String> command, int exitCode, String out, String err) {}

  public static void main(String[] args) throws Exception {
    train(Path.of("").toAbsolutePath());
  }

  /**
   * Runs the training commands in the folder {@code here} (which must be empty): its own database
   * and files there, whatever the current folder.
   *
   * @return each command with its exit code and output, in order
   */
  static List<Step> train(Path here) throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("TRADECORE_"));
    Path config = here.resolve("tradecore.yaml");
    Files.writeString(config, "data_dir: data\n");
    env.put("TRADECORE_CONFIG", config.toString());
    env.put("TRADECORE_DATA_DIR", here.resolve("data").toString());
    // A generic CSV for the backtests and searches, a Yahoo daily file (as most users' data) on
    // NYSE trading days for the replay.
    Path bars = here.resolve("bars.csv");
    BarCsvWriter.write(
        bars,
        SyntheticBars.generate(
            Instrument.of("TRAIN", "USD", 2), LocalDate.of(2020, 1, 6), 500, 1, 100.0));
    Path daily = here.resolve("train-daily.csv");
    BarCsvWriter.writeYahoo(
        daily,
        SyntheticBars.generate(
            Instrument.of("TRAIN", "USD", 2),
            TradingCalendars.standard().get(TradingCalendars.NYSE),
            LocalDate.of(2000, 1, 3),
            REPLAY_BARS,
            7,
            40.0));
    String[][] commands = {
      {"--help"},
      {"backtest", "--help"},
      {"status", "--help"},
      {"init"},
      {"status", "--portfolio", "main"},
      {
        "run",
        "--portfolio",
        "main",
        "--strategy",
        "sma-cross",
        "--feed",
        "replay:" + daily,
        "--bars-per-second",
        "0"
      },
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
    List<Step> steps = new ArrayList<>();
    for (String[] command : commands) {
      // Every subcommand built in full, so that the cache has the classes of all of them.
      CommandLine cli = Main.commandLine(Clock.systemUTC(), env);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int exit = cli.execute(command);
      steps.add(new Step(List.of(command), exit, out.toString(), err.toString()));
    }
    Files.deleteIfExists(bars);
    Files.deleteIfExists(daily);
    return steps;
  }
}
