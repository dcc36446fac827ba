package io.tradecore.app.cli;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.AlpacaConfig;
import io.tradecore.alpaca.BarTimeframe;
import io.tradecore.alpaca.HistoricalBars;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * {@code tradecore data download}: bars from Alpaca's market-data API into one CSV file per symbol,
 * in the generic layout {@code backtest} and {@code run --feed replay:} read.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = {
      "Download bars into DIR/SYMBOL.csv (timestamp,open,high,low,close,volume).",
      "Alpaca's keys come from APCA_API_KEY_ID and APCA_API_SECRET_KEY; APCA_API_DATA_URL and",
      "APCA_API_DATA_FEED (iex or sip) are optional."
    })
public final class DataDownloadCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "SOURCE",
      description = "Where from; only alpaca for now.")
  private String source;

  @Option(
      names = "--symbols",
      required = true,
      split = ",",
      paramLabel = "SYMBOLS",
      description = "Comma-separated symbols, e.g. AAPL,MSFT.")
  private List<String> symbols;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First New York day (yyyy-MM-dd).")
  private LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DATE",
      description = "Last New York day (yyyy-MM-dd), included.")
  private LocalDate to;

  @Option(
      names = "--timeframe",
      defaultValue = "1Day",
      paramLabel = "TF",
      description =
          "Bar size: 1-59Min, 1-23Hour, 1Day, 1Week, 1-12Month (default ${DEFAULT-VALUE}).")
  private String timeframe;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write into (created if missing).")
  private Path out;

  DataDownloadCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!"alpaca".equals(source.toLowerCase(Locale.ROOT))) {
      throw new ParameterException(
          spec.commandLine(), "--source must be alpaca but was '" + source + "'");
    }
    if (to.isBefore(from)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(
          spec.commandLine(), "--out " + out + " exists and is not a directory");
    }
    BarTimeframe tf;
    AlpacaConfig config;
    try {
      tf = BarTimeframe.parse(timeframe);
      config = AlpacaConfig.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<String> wanted = symbols.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    HistoricalBars.Download download;
    try (AlpacaClient client = AlpacaClient.create(config)) {
      download = new HistoricalBars(client).download(wanted, tf, from, to, out);
    }
    PrintWriter w = spec.commandLine().getOut();
    download
        .files()
        .forEach(
            (symbol, file) ->
                w.printf("wrote %s (%d %s bars)%n", file, download.bars().get(symbol), tf));
    download
        .empty()
        .forEach(symbol -> w.printf("no %s bars for %s from %s to %s%n", tf, symbol, from, to));
    w.flush();
    return download.files().isEmpty() ? 1 : 0;
  }
}
