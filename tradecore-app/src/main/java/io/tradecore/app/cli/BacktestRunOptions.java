package io.tradecore.app.cli;

import io.tradecore.runner.config.TradeCoreConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options {@code backtest} and {@code optimize} share besides {@link BacktestSetup}'s: how the
 * summary is printed and the configuration whose data directory (plug-ins, Run Insights) and llm:
 * section a run uses. Each command keeps its own {@code --param} and {@code --out}: a backtest
 * takes one value for each parameter and writes its trades, fills and equity, a search takes the
 * values to try and writes its trials.
 */
public final class BacktestRunOptions {
  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file of the data directory (plug-ins, Run Insights) and the llm: section of"
              + " --strategy llm (default: TRADECORE_CONFIG or ./tradecore.yaml).")
  Path config;

  /** The configuration {@code --config}, TRADECORE_CONFIG or ./tradecore.yaml gives. */
  TradeCoreConfig config(Map<String, String> env) {
    return Workspace.config(config, env);
  }
}
