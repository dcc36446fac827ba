package io.tradecore.app.cli;

import io.tradecore.app.output.OutputWriter;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.plan.OvernightRule;
import io.tradecore.core.risk.RiskLimits;
import io.tradecore.marketdata.BarSeries;
import io.tradecore.marketdata.CsvBarReader;
import io.tradecore.marketdata.CsvFormat;
import io.tradecore.marketdata.DataFiles;
import io.tradecore.runner.config.PortfolioSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code backtest} and {@code optimize} share: the bars, the strategy, the cash, the
 * simulated exchange's costs, the risk caps and the market. Both turn them into a {@link
 * BacktestSpec} here, so a trial of {@code optimize} is the backtest {@code backtest} runs with the
 * same options.
 */
public final class BacktestSetup {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE[@SYMBOL]",
      description =
          "Bars CSV file, repeatable; a folder stands for its .csv and .txt files. Without"
              + " @SYMBOL the symbol is the file name up to its first '-', '_' or '.'.")
  List<String> data = new ArrayList<>();

  @Option(
      names = "--symbol",
      description =
          "Instrument symbol of a single --data file, e.g. ORCL (default: from its name).")
  String symbol;

  @Option(
      names = "--strategy",
      required = true,
      description =
          "Strategy: sma-cross, breakout, momentum-rotation, policy (a trained policy:"
              + " --param model=PATH.onnx), llm (a language model, set up in the llm: section"
              + " of the configuration) or a plug-in's (see tradecore strategy list).")
  String strategy;

  @Option(
      names = "--strategy-jar",
      paramLabel = "FILE",
      description =
          "A plug-in jar of strategies, repeatable (besides those in <data_dir>/strategies/).")
  List<Path> strategyJars = new ArrayList<>();

  @Option(
      names = "--cash",
      defaultValue = "100000",
      description = "Starting cash (${DEFAULT-VALUE}).")
  BigDecimal cash;

  @Option(names = "--fee-bps", defaultValue = "0", description = "Fee in basis points of notional.")
  BigDecimal feeBps;

  @Option(names = "--min-fee", defaultValue = "0", description = "Minimum fee per fill.")
  BigDecimal minFee;

  @Option(
      names = "--slippage-bps",
      defaultValue = "0",
      description = "Slippage of market and stop fills, in basis points.")
  BigDecimal slippageBps;

  @Option(
      names = "--volume-share",
      paramLabel = "X",
      description = "Largest share (0..1] of a bar's volume one order may fill.")
  BigDecimal volumeShare;

  @Option(
      names = "--whole-shares",
      description = "Trade whole shares only, as a broker without fractional shares does.")
  boolean wholeShares;

  @Option(
      names = "--format",
      description = "File format: ${COMPLETION-CANDIDATES} (default: detected from the header).")
  CsvFormat format;

  @Option(names = "--lenient", description = "Skip malformed rows instead of failing.")
  boolean lenient;

  @Option(
      names = "--currency",
      defaultValue = "USD",
      description = "Price currency (${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--max-order-value", paramLabel = "V", description = "Risk cap per order.")
  BigDecimal maxOrderValue;

  @Option(names = "--max-gross-exposure", paramLabel = "V", description = "Risk cap on exposure.")
  BigDecimal maxGrossExposure;

  @Option(names = "--max-open-positions", paramLabel = "N", description = "Risk cap on positions.")
  Integer maxOpenPositions;

  @Option(names = "--max-position-value", paramLabel = "V", description = "Risk cap per position.")
  BigDecimal maxPositionValue;

  @Option(
      names = "--calendar",
      defaultValue = TradingCalendars.CRYPTO_24_7,
      description =
          "Trading calendar of the bars' market: NYSE, ASX or CRYPTO_24_7 (${DEFAULT-VALUE}, UTC"
              + " days); when DAY orders expire and sessions end.")
  String calendar;

  @Option(
      names = "--overnight",
      defaultValue = "none",
      description =
          "Overnight policy: percent, atr or none (${DEFAULT-VALUE}); widens stops and targets"
              + " while the next session's first bar is checked.")
  String overnight;

  @Option(
      names = "--overnight-widen",
      paramLabel = "X",
      defaultValue = "0",
      description = "How far stops and targets widen overnight: percent of price, or ATR multiple.")
  BigDecimal overnightWiden;

  @Option(
      names = "--overnight-atr-period",
      paramLabel = "N",
      defaultValue = "14",
      description = "Bars in the ATR of --overnight atr (${DEFAULT-VALUE}).")
  int overnightAtrPeriod;

  @Option(
      names = "--bot-version",
      defaultValue = BacktestSpec.DEFAULT_BOT_VERSION,
      description = "bot_version the fills carry (${DEFAULT-VALUE}).")
  String botVersion;

  /**
   * Checks every option before any file is read (a mistake here is a usage error) and makes the
   * spec of a backtest of {@code params}; the strategy's parameters are checked by the caller.
   */
  BacktestSpec spec(CommandSpec command, Map<String, String> params, Path out) {
    positive(command, "--cash", cash);
    if (cash.compareTo(PortfolioSettings.MAX_STARTING_CASH) > 0) {
      throw usage(command, "--cash must be at most 1000000000000000 (1e15) but was " + cash);
    }
    notNegative(command, "--fee-bps", feeBps);
    notNegative(command, "--min-fee", minFee);
    notNegative(command, "--slippage-bps", slippageBps);
    notNegative(command, "--max-order-value", maxOrderValue);
    notNegative(command, "--max-gross-exposure", maxGrossExposure);
    notNegative(command, "--max-position-value", maxPositionValue);
    if (maxOpenPositions != null && maxOpenPositions < 0) {
      throw usage(command, "--max-open-positions must be 0 or more but was " + maxOpenPositions);
    }
    if (volumeShare != null
        && (volumeShare.signum() <= 0 || volumeShare.compareTo(BigDecimal.ONE) > 0)) {
      throw usage(
          command, "--volume-share must be in (0, 1] but was " + volumeShare.toPlainString());
    }
    try {
      if (symbol != null) {
        Instrument.of(symbol, currency, 0);
      }
      if (out != null) {
        OutputWriter.checkTarget(out);
      }
      return BacktestSpec.of(strategy, params, cash)
          .withCosts(feeBps, minFee, slippageBps)
          .withVolumeShare(volumeShare)
          .withWholeShares(wholeShares)
          .withRiskLimits(
              new RiskLimits(maxOrderValue, maxGrossExposure, maxOpenPositions, maxPositionValue))
          .withBotVersion(botVersion)
          .withMarket(calendar.toUpperCase(Locale.ROOT), overnightRule(command));
    } catch (IllegalArgumentException e) {
      throw usage(command, e.getMessage());
    }
  }

  private OvernightRule overnightRule(CommandSpec command) {
    OvernightRule.Mode mode;
    try {
      mode = OvernightRule.Mode.valueOf(overnight.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usage(command, "--overnight must be percent, atr or none but was '" + overnight + "'");
    }
    if (mode != OvernightRule.Mode.NONE && overnightWiden.signum() <= 0) {
      throw usage(command, "--overnight " + overnight + " needs --overnight-widen greater than 0");
    }
    return new OvernightRule(mode, overnightWiden, overnightAtrPeriod);
  }

  /** The --data files with their symbols; --symbol names the symbol of a single file. */
  List<DataFiles.DataFile> dataFiles(CommandSpec command) {
    List<DataFiles.DataFile> files;
    try {
      files = DataFiles.expand(data, Path.of("").toAbsolutePath());
    } catch (IllegalArgumentException e) {
      throw usage(command, e.getMessage());
    }
    if (symbol != null) {
      if (files.size() != 1) {
        throw usage(
            command, "--symbol names the symbol of one --data file; use FILE@SYMBOL for several");
      }
      files = List.of(new DataFiles.DataFile(files.getFirst().path(), symbol));
    }
    return files;
  }

  /** Reads every file once, warning on stderr of the malformed rows a lenient read skipped. */
  List<BarSeries> read(List<DataFiles.DataFile> files, PrintWriter stderr) throws IOException {
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
    return all;
  }

  private static void positive(CommandSpec command, String option, BigDecimal value) {
    if (value.signum() <= 0) {
      throw usage(command, option + " must be greater than 0 but was " + value.toPlainString());
    }
  }

  private static void notNegative(CommandSpec command, String option, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw usage(command, option + " must be 0 or more but was " + value.toPlainString());
    }
  }

  static ParameterException usage(CommandSpec command, String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
