package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeCoreConfigTest {
  @TempDir Path dir;

  private TradeCoreConfig load(Map<String, String> env) {
    return TradeCoreConfig.load(null, env, dir);
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void defaults_with_no_file_and_empty_env() {
    TradeCoreConfig config = load(Map.of());

    assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
    assertThat(config.database())
        .isEqualTo(
            new DatabaseConfig("jdbc:sqlite:" + dir.resolve("data/tradecore.db"), null, null, 4));
    assertThat(config.runner()).isEqualTo(new RunnerConfig(15, 5));
    assertThat(config.marketData()).isEqualTo(new MarketDataConfig(730));
    assertThat(config.insights().roots()).isEmpty();
    assertThat(config.web().allowedHosts()).isEmpty();
    assertThat(config.portfolioDefaults()).isEqualTo(PortfolioSettings.DEFAULTS);
    assertThat(config.portfolios()).isEmpty();
    PortfolioSettings defaults = config.portfolioDefaults();
    assertThat(defaults.baseCurrency()).isEqualTo("USD");
    assertThat(defaults.timeZone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    assertThat(defaults.calendar()).isEqualTo("NYSE");
    assertThat(defaults.startingCash()).isEqualTo(new BigDecimal("100000"));
    assertThat(defaults.caps()).isEqualTo(Caps.NONE);
    assertThat(defaults.overnight())
        .isEqualTo(new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14));
    assertThat(defaults.tiers()).isEmpty();
  }

  @Test
  void empty_file_gives_defaults() throws IOException {
    Path file = write("tradecore.yaml", "# nothing configured yet\n");
    TradeCoreConfig fromEmptyFile = load(Map.of());
    Files.delete(file);

    assertThat(fromEmptyFile).isEqualTo(load(Map.of()));
  }

  @Test
  void file_values_are_read() throws IOException {
    write(
        "tradecore.yaml",
        """
        data_dir: /var/lib/tradecore
        database:
          url: jdbc:postgresql://127.0.0.1:5432/tradecore
          user: trader
          password: s3cret
          pool_size: 8
        runner:
          lease_seconds: 30
          heartbeat_seconds: 10
        market_data:
          retention_days: 90
        insights:
          roots:
            - /srv/rl-runs
            - runs/../experiments
        web:
          allowed_hosts: [Dash.Example, "[FE80::1]", tradebox.lan., 192.168.1.20]
        portfolio_defaults:
          base_currency: AUD
          time_zone: UTC
          calendar: ASX
          starting_cash: 250000.50
          caps:
            max_order_value: 10000
            max_gross_exposure: 200000.00
            max_open_positions: 12
            max_position_value: 25000
          overnight:
            mode: atr
            widen: 1.5
            atr_period: 20
          tiers:
            moderate: 0.5
            exceptional: 4.25
        """);

    TradeCoreConfig config = load(Map.of());

    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/tradecore"));
    assertThat(config.database())
        .isEqualTo(
            new DatabaseConfig(
                "jdbc:postgresql://127.0.0.1:5432/tradecore", "trader", "s3cret", 8));
    assertThat(config.runner()).isEqualTo(new RunnerConfig(30, 10));
    assertThat(config.marketData()).isEqualTo(new MarketDataConfig(90));
    assertThat(config.insights().roots())
        .containsExactly(Path.of("/srv/rl-runs"), dir.resolve("experiments"));
    assertThat(config.web().allowedHosts())
        .containsExactly("dash.example", "fe80::1", "tradebox.lan", "192.168.1.20");
    PortfolioSettings defaults = config.portfolioDefaults();
    assertThat(defaults.baseCurrency()).isEqualTo("AUD");
    assertThat(defaults.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(defaults.calendar()).isEqualTo("ASX");
    assertThat(defaults.startingCash()).isEqualTo(new BigDecimal("250000.50"));
    assertThat(defaults.caps())
        .isEqualTo(
            new Caps(
                new BigDecimal("10000"), new BigDecimal("200000.00"), 12, new BigDecimal("25000")));
    assertThat(defaults.overnight())
        .isEqualTo(new OvernightSettings(OvernightMode.ATR, new BigDecimal("1.5"), 20));
    assertThat(defaults.tiers())
        .containsEntry("moderate", new BigDecimal("0.5"))
        .containsEntry("exceptional", new BigDecimal("4.25"));
  }

  @Test
  void relative_data_dir_resolves_against_working_dir_and_moves_the_default_database() {
    TradeCoreConfig config = load(Map.of("TRADECORE_DATA_DIR", "state/../store"));

    assertThat(config.dataDir()).isEqualTo(dir.resolve("store"));
    assertThat(config.database().url())
        .isEqualTo("jdbc:sqlite:" + dir.resolve("store/tradecore.db"));
  }

  @Test
  void env_overrides_beat_the_file() throws IOException {
    write(
        "tradecore.yaml",
        """
        data_dir: from-file
        database:
          url: jdbc:sqlite:file.db
          user: file-user
          password: file-password
          pool_size: 2
        runner:
          lease_seconds: 20
        market_data:
          retention_days: 10
        web:
          allowed_hosts: [file.example]
        """);
    Map<String, String> env =
        Map.of(
            "TRADECORE_DATA_DIR", "/srv/tc",
            "TRADECORE_DB_URL", "jdbc:postgresql://db/tc",
            "TRADECORE_DB_USER", "env-user",
            "TRADECORE_DB_PASSWORD", "env-password",
            "TRADECORE_DB_POOL_SIZE", "16",
            "TRADECORE_LEASE_SECONDS", "60",
            "TRADECORE_RETENTION_DAYS", "365",
            "TRADECORE_ALLOWED_HOSTS", "a.example, ,b.example");

    TradeCoreConfig config = load(env);

    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/tc"));
    assertThat(config.database())
        .isEqualTo(new DatabaseConfig("jdbc:postgresql://db/tc", "env-user", "env-password", 16));
    assertThat(config.runner()).isEqualTo(new RunnerConfig(60, 5));
    assertThat(config.marketData()).isEqualTo(new MarketDataConfig(365));
    assertThat(config.web().allowedHosts()).containsExactly("a.example", "b.example");
  }

  @Test
  void empty_env_values_are_ignored() throws IOException {
    write("tradecore.yaml", "database:\n  pool_size: 3\n");

    assertThat(load(Map.of("TRADECORE_DB_POOL_SIZE", "")).database().poolSize()).isEqualTo(3);
  }

  @Test
  void explicit_file_beats_env_file_and_env_file_beats_working_dir_file() throws IOException {
    write("tradecore.yaml", "market_data: {retention_days: 1}\n");
    write("env.yaml", "market_data: {retention_days: 2}\n");
    write("explicit.yaml", "market_data: {retention_days: 3}\n");
    Map<String, String> env = Map.of("TRADECORE_CONFIG", "env.yaml");

    assertThat(
            TradeCoreConfig.load(Path.of("explicit.yaml"), env, dir).marketData().retentionDays())
        .isEqualTo(3);
    assertThat(load(env).marketData().retentionDays()).isEqualTo(2);
    assertThat(load(Map.of()).marketData().retentionDays()).isEqualTo(1);
  }

  @Test
  void missing_explicit_config_file_is_an_error_naming_it() {
    assertThatThrownBy(() -> TradeCoreConfig.load(Path.of("nope.yaml"), Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "nope.yaml: config file not found (given by --config; looked at "
                + dir.resolve("nope.yaml")
                + ")");
  }

  @Test
  void missing_config_file_named_by_env_is_an_error_naming_the_variable() {
    assertThatThrownBy(() -> load(Map.of("TRADECORE_CONFIG", "/no/such/tc.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "/no/such/tc.yaml: config file not found (given by TRADECORE_CONFIG; looked at"
                + " /no/such/tc.yaml)");
  }

  @Test
  void unreadable_config_file_is_an_error_naming_it() throws IOException {
    Files.createDirectory(dir.resolve("conf.yaml"));

    assertThatThrownBy(() -> TradeCoreConfig.load(Path.of("conf.yaml"), Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("conf.yaml: is a directory, not a config file");
  }

  @Test
  void config_file_without_read_permission_is_an_error_naming_it() throws IOException {
    Path file = write("locked.yaml", "data_dir: x\n");
    assumeTrue(
        file.toFile().setReadable(false, false) && !Files.isReadable(file),
        "permissions are not enforced for this user");

    assertThatThrownBy(() -> TradeCoreConfig.load(file, Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": cannot read config file (");
  }

  @Test
  void malformed_yaml_is_an_error_naming_line_and_column() throws IOException {
    write("tradecore.yaml", "database:\n  url: jdbc:sqlite:x.db\n pool_size: 4\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tradecore.yaml line 3 column 2: malformed YAML: while parsing a block mapping:"
                + " expected <block end>, but found '<block mapping start>'");
  }

  @Test
  void unterminated_quote_is_an_error_on_one_line() throws IOException {
    write("tradecore.yaml", "data_dir: 'oops\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tradecore.yaml line 2 column 1: malformed YAML:")
        .hasMessageContaining("found unexpected end of stream")
        .hasMessageNotContaining("\n");
  }

  @Test
  void unknown_key_is_an_error_naming_key_and_line() throws IOException {
    write("tradecore.yaml", "data_dir: ./data\n\ndatabse:\n  url: jdbc:sqlite:x.db\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tradecore.yaml line 3: unknown key 'databse' (known: data_dir, database, runner,"
                + " market_data, insights, llm, web, portfolio_defaults, portfolios, notifications,"
                + " alpaca)");
  }

  @Test
  void unknown_nested_key_is_an_error_naming_its_path() throws IOException {
    write("tradecore.yaml", "portfolio_defaults:\n  overnight:\n    mode: atr\n    wide: 2\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tradecore.yaml line 4: unknown key 'portfolio_defaults.overnight.wide'"
                + " (known: mode, widen, atr_period)");
  }

  @Test
  void duplicate_key_is_an_error() throws IOException {
    write("tradecore.yaml", "runner:\n  lease_seconds: 10\n  lease_seconds: 20\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tradecore.yaml line 3: duplicate key 'runner.lease_seconds'");
  }

  @Test
  void database_password_is_not_printed() {
    DatabaseConfig database = new DatabaseConfig("jdbc:sqlite:x.db", "me", "hunter2", 4);

    assertThat(database.toString()).doesNotContain("hunter2").contains("password=***");
  }
}
