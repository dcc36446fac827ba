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
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import io.tradecore.marketdata.CsvFormat;
import io.tradecore.marketdata.DataFiles;
import io.tradecore.policy.PolicyStep;
import io.tradecore.policy.PolicyStrategy;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.strategies.StrategyCatalog;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE[@SYMBOL]",
      description =
          "Bars CSV file, repeatable; a folder stands for its .csv and .txt files. Without"
              + " @SYMBOL the symbol is the file name up to its first '-', '_' or '.'.")
  private List<String> data = new ArrayList<>();

  @Option(
      names = "--symbol",
      description =
          "Instrument symbol of a single --data file, e.g. ORCL (default: from its name).")
  private String symbol;

  @Option(
      names = "--strategy",
      required = true,
      description =
          "Strategy: sma-cross, breakout, momentum-rotation, policy (a trained policy:"
              + " --param model=PATH.onnx), llm (a language model, set up in the llm: section"
              + " of the configuration) or a plug-in's (see tradecore strategy list).")
  private String strategy;

  @Option(
      names = "--strategy-jar",
      paramLabel = "FILE",
      description =
          "A plug-in jar of strategies, repeatable (besides those in <data_dir>/strategies/).")
  List<Path> strategyJars = new ArrayList<>();

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "Strategy parameter, repeatable, e.g. --param fast=10 --param slow=30.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--cash",
      defaultValue = "100000",
      description = "Starting cash (${DEFAULT-VALUE}).")
  private BigDecimal cash;

  @Option(names = "--fee-bps", defaultValue = "0", description = "Fee in basis points of notional.")
  private BigDecimal feeBps;

  @Option(names = "--min-fee", defaultValue = "0", description = "Minimum fee per fill.")
  private BigDecimal minFee;

  @Option(
      names = "--slippage-bps",
      defaultValue = "0",
      description = "Slippage of market and stop fills, in basis points.")
  private BigDecimal slippageBps;

  @Option(
      names = "--volume-share",
      paramLabel = "X",
      description = "Largest share (0..1] of a bar's volume one order may fill.")
  private BigDecimal volumeShare;

  @Option(
      names = "--whole-shares",
      description = "Trade whole shares only, as a broker without fractional shares does.")
  private boolean wholeShares;

  @Option(
      names = "--format",
      description = "File format: ${COMPLETION-CANDIDATES} (default: detected from the header).")
  private CsvFormat format;

  @Option(names = "--lenient", description = "Skip malformed rows instead of failing.")
  private boolean lenient;

  @Option(
      names = "--currency",
      defaultValue = "USD",
      description = "Price currency (${DEFAULT-VALUE}).")
  private String currency;

  @Option(names = "--max-order-value", paramLabel = "V", description = "Risk cap per order.")
  private BigDecimal maxOrderValue;

  @Option(names = "--max-gross-exposure", paramLabel = "V", description = "Risk cap on exposure.")
  private BigDecimal maxGrossExposure;

  @Option(names = "--max-open-positions", paramLabel = "N", description = "Risk cap on positions.")
  private Integer maxOpenPositions;

  @Option(names = "--max-position-value", paramLabel = "V", description = "Risk cap per position.")
  private BigDecimal maxPositionValue;

  @Option(
      names = "--calendar",
      defaultValue = TradingCalendars.CRYPTO_24_7,
      description =
          "Trading calendar of the bars' market: NYSE, ASX or CRYPTO_24_7 (${DEFAULT-VALUE}, UTC"
              + " days); when DAY orders expire and sessions end.")
  private String calendar;

  @Option(
      names = "--overnight",
      defaultValue = "none",
      description =
          "Overnight policy: percent, atr or none (${DEFAULT-VALUE}); widens stops and targets"
              + " while the next session's first bar is checked.")
  private String overnight;

  @Option(
      names = "--overnight-widen",
      paramLabel = "X",
      defaultValue = "0",
      description = "How far stops and targets widen overnight: percent of price, or ATR multiple.")
  private BigDecimal overnightWiden;

  @Option(
      names = "--overnight-atr-period",
      paramLabel = "N",
      defaultValue = "14",
      description = "Bars in the ATR of --overnight atr (${DEFAULT-VALUE}).")
  private int overnightAtrPeriod;

  @Option(
      names = "--bot-version",
      defaultValue = BacktestSpec.DEFAULT_BOT_VERSION,
      description = "bot_version the fills carry (${DEFAULT-VALUE}).")
  private String botVersion;

  @Option(names = "--out", paramLabel = "DIR", description = "Write trades, fills, equity here.")
  private Path out;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  private boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file whose llm: section --strategy llm uses (default: TRADECORE_CONFIG or"
              + " ./tradecore.yaml).")
  private Path config;

  public BacktestCommand(Clock wallClock, Map<String, String> env) {
    this.wallClock = wallClock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    StrategyPlugins.use(spec, Workspace.config(config, env).dataDir(), strategyJars);
    BacktestSpec backtestSpec = prepare();
    if (LlmStrategy.NAME.equals(strategy)) {
      if (!params.isEmpty()) {
        throw usage(
            "--strategy llm takes no --param; it is set up in the llm: section of the config");
      }
      try (LlmBacktest llm =
          new LlmBacktest(Workspace.config(config, env).llm(), backtestSpec, currency, wallClock)) {
        return run(new Backtest(backtestSpec, llm.strategies()), llm);
      }
    }
    return run(new Backtest(backtestSpec), null);
  }

  private int run(Backtest backtest, LlmBacktest llm) throws Exception {
    List<DataFiles.DataFile> files = dataFiles();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<BarSeries> all = new ArrayList<>();
    for (DataFiles.DataFile file : files) {
      BarSeries series =
          CsvBarReader.read(
              file.path(), file.symbol(), currency, new CsvBarReader.Options(format, lenient));
      if (series.skippedRows() > 0) {
        stderr.printf(
            "warning: skipped %d malformed row(s) of %s; first: %s%n",
            series.skippedRows(), series.source(), series.problems().getFirst());
        stderr.flush();
      }
      all.add(series);
    }
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
      BacktestRuns.register(Workspace.config(config, env).dataDir(), out.resolve("runs"));
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
    if (json) {
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
    positive("--cash", cash);
    if (cash.compareTo(PortfolioSettings.MAX_STARTING_CASH) > 0) {
      throw usage("--cash must be at most 1000000000000000 (1e15) but was " + cash);
    }
    notNegative("--fee-bps", feeBps);
    notNegative("--min-fee", minFee);
    notNegative("--slippage-bps", slippageBps);
    notNegative("--max-order-value", maxOrderValue);
    notNegative("--max-gross-exposure", maxGrossExposure);
    notNegative("--max-position-value", maxPositionValue);
    if (maxOpenPositions != null && maxOpenPositions < 0) {
      throw usage("--max-open-positions must be 0 or more but was " + maxOpenPositions);
    }
    if (volumeShare != null
        && (volumeShare.signum() <= 0 || volumeShare.compareTo(BigDecimal.ONE) > 0)) {
      throw usage("--volume-share must be in (0, 1] but was " + volumeShare.toPlainString());
    }
    try {
      if (symbol != null) {
        Instrument.of(symbol, currency, 0);
      }
      if (out != null) {
        OutputWriter.checkTarget(out);
      }
      BacktestSpec backtestSpec =
          BacktestSpec.of(strategy, params, cash)
              .withCosts(feeBps, minFee, slippageBps)
              .withVolumeShare(volumeShare)
              .withWholeShares(wholeShares)
              .withRiskLimits(
                  new RiskLimits(
                      maxOrderValue, maxGrossExposure, maxOpenPositions, maxPositionValue))
              .withBotVersion(botVersion)
              .withMarket(calendar.toUpperCase(Locale.ROOT), overnightRule());
      if (!LlmStrategy.NAME.equals(strategy)) {
        StrategyCatalog.portfolio(strategy, params); // checks the strategy and its parameters
      }
      return backtestSpec;
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private OvernightRule overnightRule() {
    OvernightRule.Mode mode;
    try {
      mode = OvernightRule.Mode.valueOf(overnight.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usage("--overnight must be percent, atr or none but was '" + overnight + "'");
    }
    if (mode != OvernightRule.Mode.NONE && overnightWiden.signum() <= 0) {
      throw usage("--overnight " + overnight + " needs --overnight-widen greater than 0");
    }
    return new OvernightRule(mode, overnightWiden, overnightAtrPeriod);
  }

  /** The --data files with their symbols; --symbol names the symbol of a single file. */
  private List<DataFiles.DataFile> dataFiles() {
    List<DataFiles.DataFile> files;
    try {
      files = DataFiles.expand(data, Path.of("").toAbsolutePath());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (symbol != null) {
      if (files.size() != 1) {
        throw usage("--symbol names the symbol of one --data file; use FILE@SYMBOL for several");
      }
      files = List.of(new DataFiles.DataFile(files.getFirst().path(), symbol));
    }
    return files;
  }

  private void positive(String option, BigDecimal value) {
    if (value.signum() <= 0) {
      throw usage(option + " must be greater than 0 but was " + value.toPlainString());
    }
  }

  private void notNegative(String option, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw usage(option + " must be 0 or more but was " + value.toPlainString());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
