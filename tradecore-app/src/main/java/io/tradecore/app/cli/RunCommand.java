package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.backtest.Progress;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.runner.Lease;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.Standby;
import io.tradecore.runner.VenueFactory;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.llm.LlmRun;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.LeaseLostException;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.Retrying;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.strategies.StrategyCatalog;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore run}: trades one portfolio on its venue (the paper exchange, or an Alpaca
 * account) until the feed ends or it is stopped.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Trade one portfolio until the feed ends or the process is stopped (Ctrl-C).",
      "With --serve the same process also serves the REST API and the dashboard (as"
          + " 'tradecore serve' does) while it trades, and keeps serving after the feed ends, so"
          + " you can look, until Ctrl-C."
    })
public final class RunCommand implements java.util.concurrent.Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      description = "Config file (default: TRADECORE_CONFIG or ./tradecore.yaml).")
  Path config;

  @Option(names = "--portfolio", required = true, description = "The portfolio to trade.")
  String portfolio;

  @Option(
      names = "--strategy",
      required = true,
      description =
          "sma-cross, breakout, momentum-rotation, policy (--param model=PATH.onnx), llm (a"
              + " language model, set up in the llm: section of the configuration) or a"
              + " plug-in's (see tradecore strategy list).")
  String strategy;

  @Option(
      names = "--strategy-jar",
      paramLabel = "FILE",
      description =
          "A plug-in jar of strategies, repeatable (besides those in <data_dir>/strategies/).")
  List<Path> strategyJars = new ArrayList<>();

  @Option(names = "--param", description = "Strategy parameter k=v (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--exchange",
      defaultValue = "paper",
      description =
          "Only 'paper' (kept for old scripts): the venue is the portfolio's own (portfolio create"
              + " --venue).")
  String exchange;

  @Option(
      names = "--feed",
      required = true,
      description =
          "replay:FILE[@SYMBOL][,FILE...] (files of bars), or alpaca:SYMBOL[,SYMBOL...] (Alpaca's"
              + " bars on the wall clock, of the size alpaca.timeframe sets; an Alpaca portfolio"
              + " needs it).")
  String feed;

  @Option(
      names = "--live-confirm",
      description =
          "Trade an Alpaca portfolio on Alpaca's live endpoint (real money), when the"
              + " configuration names it; without this flag such a run is refused.")
  boolean liveConfirm;

  @Option(
      names = "--bars-per-second",
      defaultValue = "0",
      description = "Replay pace; 0 = as fast as possible.")
  double barsPerSecond;

  @Option(
      names = "--bot-version",
      description = "Tag for this run's orders and fills (default: the TradeCore version).")
  String botVersion;

  @Option(names = "--fee-bps", defaultValue = "0")
  BigDecimal feeBps;

  @Option(names = "--min-fee", defaultValue = "0")
  BigDecimal minFee;

  @Option(names = "--slippage-bps", defaultValue = "0")
  BigDecimal slippageBps;

  @Option(
      names = "--volume-share",
      description = "Largest share of a bar's volume one order takes.")
  BigDecimal volumeShare;

  @Option(
      names = "--serve",
      description = "Also serve the REST API and the dashboard, until Ctrl-C after the feed ends.")
  boolean serve;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "With --serve: the port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description =
          "With --serve: the address (default ${DEFAULT-VALUE}; another needs"
              + " TRADECORE_API_TOKEN).")
  String bind;

  @Option(
      names = "--standby",
      description =
          "Wait while another runner holds the portfolio, and take it over when that runner's"
              + " lease lapses (it died, or lost its host); also after this runner loses the"
              + " portfolio to another.")
  boolean standby;

  // For tests: with --serve, stop serving and return once the feed ends instead of at Ctrl-C.
  @Option(names = "--exit-after-feed", hidden = true)
  boolean exitAfterFeed;

  /** How long a run keeps reopening its portfolio through database failures. */
  private static final Duration RECONNECT_PATIENCE = Duration.ofMinutes(10);

  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  public RunCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!"paper".equals(exchange)) {
      throw new ParameterException(
          spec.commandLine(), "exchange '" + exchange + "' is not available; use --exchange paper");
    }
    StrategyPlugins.use(spec, Workspace.config(config, env).dataDir(), strategyJars);
    try {
      if (!LlmStrategy.NAME.equals(strategy)) {
        StrategyCatalog.portfolio(strategy, params); // checks the strategy and its parameters
      } else if (!params.isEmpty()) {
        throw new IllegalArgumentException(
            "--strategy llm takes no --param; it is set up in the llm: section of the config");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (Workspace ws = Workspace.open(config, env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      Venues venues = Venues.of(spec, record, ws.config().alpaca(), env, feed, liveConfirm);
      RunnerOptions options =
          new RunnerOptions(
              strategy,
              params,
              botVersion == null ? Version.current() : botVersion,
              new ExecutionCosts(feeBps, minFee, slippageBps, 2),
              volumeShare,
              ws.config().runner().lease(),
              ws.config().runner().heartbeat(),
              barsPerSecond,
              hostName(),
              ProcessHandle.current().pid(),
              Notifications.of(record, ws.config().notifications().of(record.name())));
      PrintWriter out = spec.commandLine().getOut();
      // Started before the runner, so a port that is taken fails the command before it trades.
      WebServer server =
          serve
              ? WebServer.start(
                  WebConfig.of(bind, port, env),
                  ws.db(),
                  ws.config(),
                  clock,
                  Serving.runRoots(List.of(), ws.config()))
              : null;
      AtomicReference<PortfolioRunner> trading = new AtomicReference<>();
      AtomicBoolean stopping = new AtomicBoolean();
      CountDownLatch stopRequested = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      // Ctrl-C or SIGTERM: finish the event being applied, commit, end the run, release the lease,
      // stop serving.
      Thread hook =
          new Thread(
              () -> {
                stopping.set(true);
                PortfolioRunner runner = trading.get();
                if (runner != null) {
                  runner.stop();
                }
                stopRequested.countDown();
                try {
                  closed.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "tradecore-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        if (server != null) {
          out.println("serving the REST API and dashboard at " + server.url());
          out.flush();
        }
        trade(ws, record, venues, options, trading, stopping, out);
        if (server != null && !exitAfterFeed && !stopping.get()) {
          out.println("the feed ended; still serving at " + server.url() + " (Ctrl-C to stop)");
          out.flush();
          stopRequested.await();
        }
        return 0;
      } finally {
        if (server != null) {
          server.stop();
        }
        closed.countDown();
        removeHook(hook);
      }
    }
  }

  /**
   * Trades the feed to its end (or a stop). A database that fails for a passing reason (a dropped
   * or restarted PostgreSQL, a locked SQLite file) does not end the run: the runner is closed and
   * opened again with backoff, for up to {@link #RECONNECT_PATIENCE}, and resumes as after any
   * restart.
   */
  private void trade(
      Workspace ws,
      PortfolioRecord record,
      Venues venues,
      RunnerOptions options,
      AtomicReference<PortfolioRunner> trading,
      AtomicBoolean stopping,
      PrintWriter out)
      throws InterruptedException {
    long deadline = System.nanoTime() + RECONNECT_PATIENCE.toNanos();
    Duration pause = Duration.ofSeconds(1);
    boolean reconnecting = false;
    String standingBy = null; // why this runner waits, as a standby, before it trades
    Carried carried = new Carried();
    while (true) {
      try {
        if (standingBy != null) {
          standBy(ws, record, options, stopping, standingBy, out);
          standingBy = null;
          if (stopping.get()) {
            return;
          }
        }
        tradeOnce(ws, record, venues, options, trading, stopping, out, carried);
        return;
      } catch (RuntimeException e) {
        boolean ownLease =
            e instanceof Lease.LeaseHeldException held
                && held.holder() != null
                && held.holder().pid() == options.pid()
                && held.holder().host().equals(options.host());
        boolean heldByAnother =
            e instanceof Lease.LeaseHeldException held && held.holder() != null && !ownLease;
        if (standby && !stopping.get() && (heldByAnother || e instanceof LeaseLostException)) {
          standingBy = e.getMessage();
          carried.runnerFailed = false;
          deadline = System.nanoTime() + RECONNECT_PATIENCE.toNanos();
          pause = Duration.ofSeconds(1);
          reconnecting = false;
          continue;
        }
        if (reconnecting && e instanceof Lease.LeaseHeldException && !ownLease) {
          // Cut off from the database (a pause, a dropped connection) past the lease's expiry:
          // another runner has the portfolio now, and this one leaves it alone.
          throw new LeaseLostException(
              "lost the lease on portfolio "
                  + record.name()
                  + " while cut off from the database: "
                  + e.getMessage()
                  + "; this runner commits nothing more");
        }
        if (!(ownLease || Retrying.isTransient(e))
            || stopping.get()
            || System.nanoTime() - deadline > 0) {
          throw e;
        }
        if (!ownLease && !carried.runnerFailed) {
          // A runner that fails records its failure itself; one that could not open, here.
          carried.events.add(
              new TelemetryRepository.Event(
                  record.id(),
                  null,
                  clock.instant(),
                  null,
                  "ERROR",
                  "database",
                  "could not open portfolio "
                      + record.name()
                      + ": the database failed ("
                      + Retrying.reason(e)
                      + ")"));
        }
        carried.runnerFailed = false;
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "warning: "
                + (ownLease
                    ? "this process's earlier lease has not expired yet"
                    : "the database failed (" + Retrying.reason(e) + ")")
                + "; opening portfolio "
                + record.name()
                + " again in "
                + pause.toSeconds()
                + " s");
        err.flush();
        reconnecting = true;
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      }
    }
  }

  /** Waits, as a standby, until the portfolio's lease lapses or this process is stopped. */
  private void standBy(
      Workspace ws,
      PortfolioRecord record,
      RunnerOptions options,
      AtomicBoolean stopping,
      String why,
      PrintWriter out)
      throws InterruptedException {
    out.println(
        "standing by: "
            + why
            + "; taking portfolio "
            + record.name()
            + " over when that lease lapses");
    out.flush();
    try (Standby waiting =
        Standby.register(ws.db(), record.id(), options.host(), options.pid(), clock)) {
      waiting.awaitLapse(options.heartbeat(), stopping::get);
    }
  }

  /** Opens the runner, trades the feed to its end (or a stop) and prints what it did. */
  private void tradeOnce(
      Workspace ws,
      PortfolioRecord record,
      Venues venues,
      RunnerOptions options,
      AtomicReference<PortfolioRunner> trading,
      AtomicBoolean stopping,
      PrintWriter out,
      Carried carried) {
    PortfolioSettings settings = Portfolios.settings(record);
    LlmRun llm =
        LlmStrategy.NAME.equals(strategy)
            ? new LlmRun(
                ws.db(),
                record,
                settings,
                ws.config().llm(),
                options.botVersion(),
                clock,
                options.notifications())
            : null;
    VenueFactory venue = venues.venue(options);
    try (llm;
        MarketFeed marketFeed = venues.feed(ws, record, clock);
        PortfolioRunner runner =
            llm == null
                ? PortfolioRunner.open(
                    ws.db(),
                    record,
                    settings,
                    options,
                    clock,
                    StrategyCatalog.portfolio(options.strategy(), options.params()).get(),
                    venue)
                : PortfolioRunner.open(ws.db(), record, settings, options, clock, llm, venue)) {
      runner.retainBars(Duration.ofDays(ws.config().marketData().retentionDays()));
      runner.writeDailyLogs(
          new DailyLogs(
              ws.db(),
              record,
              settings,
              DailyLogs.textFileFor(ws.config().dataDir(), record.name()),
              clock));
      runner.recordEarlier(carried.events);
      carried.events.clear();
      trading.set(runner);
      if (stopping.get()) {
        runner.stop(); // stopped while it opened: end at once
      }
      out.println(
          "run "
              + runner.runId()
              + " trading portfolio "
              + record.name()
              + " on "
              + venues.describe(marketFeed));
      out.flush();
      if (System.console() != null) {
        // On a terminal only: piped and captured output stay clean.
        Progress shown = Progress.timed(System.err, "replay", "events", System::nanoTime);
        runner.reportProgress(
            (done, total) -> {
              if (total >= 0) {
                shown.update(done, (int) total);
              }
            });
      }
      int applied;
      try {
        applied = runner.run(marketFeed);
      } catch (RuntimeException e) {
        carried.events.addAll(runner.unwrittenTelemetry());
        carried.runnerFailed = true;
        throw e;
      }
      LedgerSummary s = runner.portfolio().summary();
      out.printf(
          Locale.US,
          "applied %,d events; equity %s, cash %s, open positions %,d, fills %,d%n",
          applied,
          SummaryText.money(s.equity(), record.baseCurrency()),
          SummaryText.money(s.cash(), record.baseCurrency()),
          s.openPositions(),
          s.fills());
      out.flush();
    } finally {
      trading.set(null);
    }
  }

  /**
   * Errors of a run that broke off, for the runner that opens the portfolio again to write: what
   * the failed runner could not write, and each failed attempt to open it again.
   */
  private static final class Carried {
    final List<TelemetryRepository.Event> events = new ArrayList<>();

    /** Whether the last failure came from a runner that recorded it itself. */
    boolean runnerFailed;
  }

  /** Drops the stop hook once the run is over, so runs in one JVM (tests, demo) do not pile up. */
  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running or about to.
    }
  }

  static String hostName() {
    return RunnerOptions.localHost();
  }
}
