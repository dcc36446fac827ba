package io.tradecore.runner.config;

import io.tradecore.llm.LlmConfig;
import io.tradecore.runner.notify.NotificationSettings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole TradeCore configuration, read from {@code tradecore.yaml} and environment overrides;
 * immutable.
 *
 * @param dataDir absolute folder for the SQLite database and other files
 * @param llm the LLM strategy's model, prices, caps and record/replay settings
 * @param web what the web server answers to
 * @param portfolioDefaults settings for portfolios without an entry in {@code portfolios}
 * @param portfolios settings of named portfolios, each already merged over the defaults
 * @param notifications where each portfolio's notifications go
 * @param alpaca how to reach Alpaca (keys by environment variable name, URLs, feed, bar size)
 */
public record TradeCoreConfig(
    Path dataDir,
    DatabaseConfig database,
    RunnerConfig runner,
    MarketDataConfig marketData,
    InsightsConfig insights,
    LlmConfig llm,
    WebSettings web,
    PortfolioSettings portfolioDefaults,
    Map<String, PortfolioSettings> portfolios,
    NotificationSettings notifications,
    AlpacaSettings alpaca) {

  /** Checks that nothing is null and keeps an unmodifiable copy of the portfolios. */
  public TradeCoreConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(marketData, "marketData");
    Objects.requireNonNull(insights, "insights");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(portfolioDefaults, "portfolioDefaults");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(alpaca, "alpaca");
    portfolios = Collections.unmodifiableMap(new LinkedHashMap<>(portfolios));
  }

  /**
   * The settings for a new portfolio called {@code portfolioName}: its entry, else the defaults.
   */
  public PortfolioSettings settingsFor(String portfolioName) {
    return portfolios.getOrDefault(Objects.requireNonNull(portfolioName), portfolioDefaults);
  }

  /**
   * Loads the configuration: the file at {@code explicitFileOrNull} (from {@code --config}), else
   * the one named by {@code TRADECORE_CONFIG}, else {@code tradecore.yaml} in {@code workingDir} if
   * it exists, else built-in defaults; then the {@code TRADECORE_*} variables of {@code env}.
   * Relative paths resolve against {@code workingDir}.
   *
   * @throws ConfigException on a missing or unreadable file, malformed YAML, an unknown key or a
   *     bad value, with a one-line message that names the file, line, key and value
   */
  public static TradeCoreConfig load(
      Path explicitFileOrNull, Map<String, String> env, Path workingDir) {
    return ConfigLoader.load(explicitFileOrNull, Map.copyOf(env), workingDir);
  }
}
