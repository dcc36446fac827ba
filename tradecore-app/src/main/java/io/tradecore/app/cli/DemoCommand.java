package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.app.output.OutputWriter;
import io.tradecore.app.output.RunInfo;
import io.tradecore.backtest.Backtest;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.core.domain.Instrument;
import io.tradecore.insights.SampleRun;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.SyntheticBars;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore demo}: backtests the shipped strategies on seeded synthetic bars, with no
 * network and no account, and writes every output file a backtest makes; then trades a durable demo
 * portfolio for eight weeks in its own data directory, and serves the dashboard on it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Backtest both strategies, trade a durable demo portfolio for eight weeks, then serve the"
          + " dashboard on it.",
      "Backtests sma-cross and breakout on three years of synthetic daily bars, then bootstraps a"
          + " durable 'demo' portfolio in DIR/data (never ./data) and trades it with breakout"
          + " through the portfolio runner over eight weeks of synthetic bars of two symbols,"
          + " writing a daily log at each trading day's close; it prints the last one.",
      "Then it serves the dashboard and the REST API on the demo portfolio at"
          + " http://127.0.0.1:PORT/ until Ctrl-C (if PORT is taken, on the first free one of the"
          + " next few); --no-serve ends the demo instead.",
      "A rerun into the same folder starts the demo portfolio afresh."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String SYMBOL = "DEMO";
  static final String BARS_FILE = "demo-bars.csv";
  private static final LocalDate START = LocalDate.of(2022, 1, 3);
  private static final int WEEKDAYS = 3 * 261;
  private static final long SEED = 42;
  private static final BigDecimal CASH = new BigDecimal("100000");
  private static final Map<String, Map<String, String>> RUNS =
      Map.of(
          "sma-cross", Map.of("fast", "10", "slow", "30"),
          "breakout", Map.of());

  private final Clock wallClock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "demo-output",
      description = "Where the outputs go (${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "The dashboard's port, or the first free one after it (${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--no-serve", description = "End after the demo instead of serving it.")
  private boolean noServe;

  /** The demo with the process's environment (an API token there also protects the dashboard). */
  public DemoCommand(Clock wallClock, Map<String, String> env) {
    this.wallClock = wallClock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    try {
      OutputWriter.checkTarget(out);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--port " + port + " is out of range; use 0 to 65535");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    BarSeries series =
        SyntheticBars.generate(Instrument.of(SYMBOL, "USD", 2), START, WEEKDAYS, SEED, 100.0);
    Files.createDirectories(out);
    Path barsFile = out.resolve(BARS_FILE);
    BarCsvWriter.write(barsFile, series);
    stdout.printf(
        "TradeCore demo: %,d synthetic weekday bars of %s (seed %d), %s cash,"
            + " fees 5 bps (min 1.00), slippage 2 bps%n%n",
        series.size(), SYMBOL, SEED, SummaryText.money(CASH, "USD"));
    Instant created = wallClock.instant();
    for (String strategy : new String[] {"sma-cross", "breakout"}) {
      BacktestSpec backtestSpec =
          BacktestSpec.of(strategy, RUNS.get(strategy), CASH)
              .withCosts(new BigDecimal("5"), new BigDecimal("1.00"), new BigDecimal("2"));
      BacktestResult result = new Backtest(backtestSpec).run(series);
      Path dir = out.resolve(strategy);
      RunInfo info = new RunInfo(series.source(), created, Version.current());
      Path runDir = OutputWriter.write(dir, result, info);
      stdout.print(SummaryText.of(result));
      stdout.printf("  %-16s%s (run folder %s)%n%n", "output", dir, runDir);
    }
    stdout.printf(
        "Outputs: %s/sma-cross and %s/breakout (trades.csv, fills.csv, equity.csv, positions.csv,"
            + " summary.json, runs/); the bars: %s%n",
        out, out, barsFile);
    stdout.printf(
        "Next: ./tradecore backtest --data %s --symbol %s --strategy breakout"
            + " --param trail-atr=3 --fee-bps 5 --min-fee 1 --slippage-bps 2%n",
        barsFile, SYMBOL);
    // A reinforcement-learning run as a GPU box would leave it, for the Run Insights page.
    Path sampleRun =
        SampleRun.write(out.resolve("rl-runs").resolve("ppo-sample"), 200_000, 4, SEED);
    stdout.printf(
        "Run Insights sample: a PPO run with a 200,000-row action trace over 4 environments in %s%n",
        sampleRun);
    stdout.println();
    TradeCoreConfig config = DemoPortfolio.run(out, wallClock, stdout);
    stdout.flush();
    if (!noServe) {
      serve(config, stdout);
    }
    return 0;
  }

  /** Serves the dashboard on the demo portfolio's database until the process is stopped. */
  private void serve(TradeCoreConfig config, PrintWriter stdout) throws InterruptedException {
    try (Workspace ws = Workspace.open(config, Workspace.Need.CURRENT)) {
      WebServer server =
          Serving.startNear(
              WebConfig.of(null, port, env),
              Serving.DEMO_PORT_TRIES,
              ws.db(),
              config,
              wallClock,
              List.of(
                  out.resolve("sma-cross/runs"),
                  out.resolve("breakout/runs"),
                  out.resolve("rl-runs")));
      stdout.println();
      if (port != 0 && server.port() != port) {
        stdout.printf("Port %d is taken; serving on port %d instead.%n", port, server.port());
      }
      stdout.printf("Dashboard: %s (Ctrl-C to stop)%n", server.url());
      stdout.flush();
      Serving.untilStopped(server);
    }
  }
}
