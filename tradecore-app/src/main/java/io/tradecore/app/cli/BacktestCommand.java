package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.Json;
import io.tradecore.app.output.OutputWriter;
import io.tradecore.app.output.PolicyRun;
import io.tradecore.app.output.RunInfo;
import io.tradecore.app.output.SummaryJson;
import io.tradecore.backtest.Backtest;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.DataFiles;
import io.tradecore.policy.PolicyStep;
import io.tradecore.policy.PolicyStrategy;
import io.tradecore.strategies.StrategyCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore backtest}: runs one strategy over one or more CSV files of bars and reports how
 * it did.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Backtest a strategy on a CSV file of daily or intraday bars.")
public final class BacktestCommand implements Callable<Integer> {
  private final Clock wallClock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Mixin BacktestSetup setup = new BacktestSetup();

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "Strategy parameter, repeatable, e.g. --param fast=10 --param slow=30.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Write trades, fills, equity here.")
  private Path out;

  @Mixin BacktestRunOptions options = new BacktestRunOptions();

  public BacktestCommand(Clock wallClock, Map<String, String> env) {
    this.wallClock = wallClock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    StrategyPlugins.use(spec, options.config(env).dataDir(), setup.strategyJars);
    BacktestSpec backtestSpec = prepare();
    if (LlmStrategy.NAME.equals(setup.strategy)) {
      if (!params.isEmpty()) {
        throw BacktestSetup.usage(
            spec,
            "--strategy llm takes no --param; it is set up in the llm: section of the config");
      }
      try (LlmBacktest llm =
          new LlmBacktest(options.config(env).llm(), backtestSpec, setup.currency, wallClock)) {
        return run(new Backtest(backtestSpec, llm.strategies()), llm);
      }
    }
    return run(new Backtest(backtestSpec), null);
  }

  private int run(Backtest backtest, LlmBacktest llm) throws Exception {
    List<DataFiles.DataFile> files = setup.dataFiles(spec);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<BarSeries> all = setup.read(files, stderr);
    PortfolioStrategy strategyRun = backtest.newStrategy();
    List<PolicyStep> steps = new ArrayList<>();
    if (out != null && strategyRun instanceof PolicyStrategy policy) {
      policy.record(steps::add);
    }
    BacktestResult result;
    Path runDir = null;
    if (out == null) {
      result = backtest.run(all, strategyRun);
      if (llm != null) {
        llm.checkRecordings();
      }
    } else {
      // The equity points go to the files as the backtest makes them; none is kept.
      List<String> names = new ArrayList<>();
      files.forEach(f -> names.add(f.path().toString()));
      List<String> symbols = new ArrayList<>();
      all.forEach(s -> symbols.add(s.instrument().symbol()));
      RunInfo info = new RunInfo(String.join(",", names), wallClock.instant(), Version.current());
      boolean policyRun = strategyRun instanceof PolicyStrategy;
      try (OutputWriter.Streamed writer =
          OutputWriter.start(out, backtest.spec(), String.join(",", symbols), info, policyRun)) {
        result = backtest.run(all, strategyRun, writer);
        if (llm != null) {
          llm.checkRecordings();
        }
        runDir =
            writer.finish(
                result,
                strategyRun instanceof PolicyStrategy policy
                    ? new PolicyRun(
                        Path.of(params.get("model").strip()), policy.policy().spec(), steps)
                    : null);
      }
      if (llm != null) {
        llm.write(runDir);
      }
      BacktestRuns.register(options.config(env).dataDir(), out.resolve("runs"));
    }
    Map<String, Object> summary =
        out == null ? SummaryJson.of(result) : OutputWriter.summary(out, result, runDir);
    if (llm != null) {
      summary.put("llm", llm.json());
      llm.cutoffWarning(result).ifPresent(w -> summary.put("llm_warning", w));
      if (out != null) {
        Json.write(out.resolve("summary.json"), summary); // the same object --json prints
      }
    }
    if (options.json) {
      stdout.println(Json.write(summary));
    } else {
      stdout.print(SummaryText.of(result));
      if (llm != null) {
        llm.print(stdout, stderr, result);
      }
      if (out != null) {
        stdout.printf("  %-16s%s (run folder %s)%n", "output", out, runDir);
      }
    }
    stdout.flush();
    return 0;
  }

  /** Checks every option before any file is read: a mistake here is a usage error. */
  private BacktestSpec prepare() {
    BacktestSpec backtestSpec = setup.spec(spec, params, out);
    if (!LlmStrategy.NAME.equals(setup.strategy)) {
      try {
        StrategyCatalog.portfolio(setup.strategy, params); // checks the strategy and its parameters
      } catch (IllegalArgumentException e) {
        throw BacktestSetup.usage(spec, e.getMessage());
      }
    }
    return backtestSpec;
  }
}
