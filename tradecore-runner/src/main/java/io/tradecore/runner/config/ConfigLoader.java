package io.tradecore.runner.config;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds, reads and validates {@code tradecore.yaml}, then applies environment overrides. */
final class ConfigLoader {
  static final String DEFAULT_FILE = "tradecore.yaml";
  static final List<String> KEYS =
      List.of(
          "data_dir",
          "database",
          "runner",
          "market_data",
          "insights",
          "llm",
          "web",
          "portfolio_defaults",
          "portfolios",
          "notifications",
          "alpaca");

  private static final YAMLFactory YAML = new YAMLFactory();
  // The names portfolio create accepts (Portfolios.checkName).
  private static final Pattern PORTFOLIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private ConfigLoader() {}

  static TradeCoreConfig load(Path explicitFile, Map<String, String> env, Path workingDir) {
    Path dir = workingDir.toAbsolutePath();
    Node.Mapping document = EnvOverrides.apply(read(explicitFile, env, dir), env);
    return build(Section.root(document), dir, env);
  }

  private static Node.Mapping read(Path explicitFile, Map<String, String> env, Path dir) {
    if (explicitFile != null) {
      return readFile(explicitFile.toString(), dir.resolve(explicitFile), "--config");
    }
    String fromEnv = env.get(EnvOverrides.CONFIG_FILE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path file;
      try {
        file = dir.resolve(fromEnv.strip());
      } catch (InvalidPathException e) {
        throw new ConfigException(
            EnvOverrides.CONFIG_FILE + ": '" + fromEnv + "' is not a valid path");
      }
      return readFile(fromEnv.strip(), file, EnvOverrides.CONFIG_FILE);
    }
    Path file = dir.resolve(DEFAULT_FILE);
    if (Files.exists(file)) {
      return readFile(DEFAULT_FILE, file, "the current directory");
    }
    return Node.Mapping.empty(Origin.file("built-in defaults", 0));
  }

  private static Node.Mapping readFile(String name, Path file, String namedBy) {
    if (!Files.exists(file)) {
      throw new ConfigException(
          name + ": config file not found (given by " + namedBy + "; looked at " + file + ")");
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException(name + ": is a directory, not a config file (" + file + ")");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read config file (" + e + ")");
    }
    try {
      return NodeReader.readDocument(YAML.createParser(bytes), name);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read config file (" + e + ")");
    }
  }

  private static TradeCoreConfig build(Section root, Path dir, Map<String, String> env) {
    root.requireOnly(KEYS);
    Path dataDir = root.get("data_dir", dir.resolve("data"), Values.directory(dir));
    return new TradeCoreConfig(
        dataDir,
        database(root.section("database"), dataDir),
        runner(root.section("runner")),
        marketData(root.section("market_data")),
        insights(root.section("insights"), dir),
        LlmSettingsReader.read(root.section("llm"), dataDir, dir, env),
        web(root.section("web")),
        portfolioDefaults(root),
        portfolios(root),
        NotificationsReader.read(root.section("notifications"), env),
        alpaca(root.section("alpaca")));
  }

  private static AlpacaSettings alpaca(Section section) {
    section.requireOnly(
        List.of("key_id_env", "secret_key_env", "base_url", "data_url", "data_feed", "timeframe"));
    AlpacaSettings d = AlpacaSettings.DEFAULTS;
    return new AlpacaSettings(
        section.get("key_id_env", d.keyIdEnv(), ConfigLoader::envName),
        section.get("secret_key_env", d.secretKeyEnv(), ConfigLoader::envName),
        section.getNullable("base_url", d.baseUrl(), ConfigLoader::httpUrl),
        section.getNullable("data_url", d.dataUrl(), ConfigLoader::httpUrl),
        section.get("data_feed", d.dataFeed(), ConfigLoader::dataFeed),
        section.get("timeframe", d.timeframe(), ConfigLoader::timeframe));
  }

  private static String envName(String text) {
    if (!text.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw Values.bad(text, "is not an environment variable name");
    }
    return text.strip();
  }

  private static java.net.URI httpUrl(String text) {
    try {
      java.net.URI uri = java.net.URI.create(text.strip());
      if (uri.getScheme() == null
          || !uri.getScheme().toLowerCase(java.util.Locale.ROOT).matches("https?")
          || uri.getHost() == null) {
        throw Values.bad(text, "is not an http(s) URL with a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw Values.bad(text, "is not an http(s) URL with a host");
    }
  }

  private static String dataFeed(String text) {
    String feed = text.strip();
    if (!feed.matches("[a-z_]{2,16}")) {
      throw Values.bad(text, "is not a market data feed such as iex or sip");
    }
    return feed;
  }

  private static io.tradecore.alpaca.BarTimeframe timeframe(String text) {
    io.tradecore.alpaca.BarTimeframe tf;
    try {
      tf = io.tradecore.alpaca.BarTimeframe.parse(text);
    } catch (IllegalArgumentException e) {
      throw Values.bad(text, "is not a bar size such as 1Min, 5Min or 1Hour");
    }
    if (tf.isDailyOrLonger()) {
      throw Values.bad(text, "is a daily or longer bar; a live feed takes 1-59Min or 1-23Hour");
    }
    return tf;
  }

  private static DatabaseConfig database(Section section, Path dataDir) {
    section.requireOnly(List.of("url", "user", "password", "pool_size"));
    String defaultUrl = "jdbc:sqlite:" + dataDir.resolve("tradecore.db");
    return new DatabaseConfig(
        section.get("url", defaultUrl, Values::databaseUrl),
        section.getNullable("user", null, text -> text),
        section.getNullable("password", null, text -> text),
        section.get(
            "pool_size",
            DatabaseConfig.DEFAULT_POOL_SIZE,
            Values.wholeNumber(DatabaseConfig.MIN_POOL_SIZE, DatabaseConfig.MAX_POOL_SIZE)));
  }

  private static RunnerConfig runner(Section section) {
    section.requireOnly(List.of("lease_seconds", "heartbeat_seconds"));
    RunnerConfig defaults = RunnerConfig.DEFAULTS;
    int lease =
        section.get(
            "lease_seconds",
            defaults.leaseSeconds(),
            Values.wholeNumber(RunnerConfig.MIN_LEASE_SECONDS, RunnerConfig.MAX_LEASE_SECONDS));
    int heartbeat =
        section.get(
            "heartbeat_seconds",
            defaults.heartbeatSeconds(),
            Values.wholeNumber(1, RunnerConfig.MAX_LEASE_SECONDS - 1));
    if (heartbeat >= lease) {
      // Blame the key that was set: the defaults (5 < 15) are consistent on their own.
      throw section.has("heartbeat_seconds")
          ? section.error(
              "heartbeat_seconds",
              "'" + heartbeat + "' must be less than runner.lease_seconds (" + lease + ")")
          : section.error(
              "lease_seconds",
              "'" + lease + "' must be greater than runner.heartbeat_seconds (" + heartbeat + ")");
    }
    return new RunnerConfig(lease, heartbeat);
  }

  private static MarketDataConfig marketData(Section section) {
    section.requireOnly(List.of("retention_days"));
    int days =
        section.get(
            "retention_days",
            MarketDataConfig.DEFAULTS.retentionDays(),
            Values.wholeNumber(1, Integer.MAX_VALUE));
    return new MarketDataConfig(days);
  }

  private static InsightsConfig insights(Section section, Path dir) {
    section.requireOnly(List.of("roots"));
    return new InsightsConfig(
        section.list("roots", InsightsConfig.DEFAULTS.roots(), Values.directory(dir)));
  }

  private static WebSettings web(Section section) {
    section.requireOnly(List.of("allowed_hosts"));
    return new WebSettings(
        section.list("allowed_hosts", WebSettings.DEFAULTS.allowedHosts(), WebSettings::hostName));
  }

  private static PortfolioSettings portfolioDefaults(Section root) {
    return PortfolioSettingsReader.apply(
        PortfolioSettings.DEFAULTS, root.section("portfolio_defaults"));
  }

  private static Map<String, PortfolioSettings> portfolios(Section root) {
    PortfolioSettings defaults = portfolioDefaults(root);
    Section section = root.section("portfolios");
    Map<String, PortfolioSettings> portfolios = new LinkedHashMap<>();
    for (String name : section.keys()) {
      if (!PORTFOLIO_NAME.matcher(name).matches()) {
        throw section.error(
            name,
            "'"
                + name
                + "' is not a portfolio name (allowed: 1-64 letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit)");
      }
      portfolios.put(name, PortfolioSettingsReader.apply(defaults, section.section(name)));
    }
    return portfolios;
  }
}
