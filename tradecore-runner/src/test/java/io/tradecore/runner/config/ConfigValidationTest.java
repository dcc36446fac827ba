package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidationTest {
  @TempDir Path dir;

  /** Each row: a key path set to a value (on line 3 of the file), and the message expected. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          data_dir                           | ''              | data_dir: '' is not a path
          database.url                       | mysql://h/db    | database.url: 'mysql:...' is not a supported database URL (allowed: jdbc:sqlite:..., jdbc:postgresql:...)
          database.url                       | jdbc:mysql://u:p@h/db | database.url: 'jdbc:mysql:...' is not a supported database URL (allowed: jdbc:sqlite:..., jdbc:postgresql:...)
          database.pool_size                 | lots            | database.pool_size: 'lots' is not a whole number
          database.pool_size                 | 0               | database.pool_size: '0' is out of range (allowed: 1..64)
          database.pool_size                 | 65              | database.pool_size: '65' is out of range (allowed: 1..64)
          database.pool_size                 | 2.5             | database.pool_size: '2.5' is not a whole number
          database.pool_size                 | 99999999999     | database.pool_size: '99999999999' is out of range (allowed: 1..64)
          runner.lease_seconds               | 1               | runner.lease_seconds: '1' is out of range (allowed: 2..3600)
          runner.lease_seconds               | 3601            | runner.lease_seconds: '3601' is out of range (allowed: 2..3600)
          runner.lease_seconds               | 4               | runner.lease_seconds: '4' must be greater than runner.heartbeat_seconds (5)
          runner.heartbeat_seconds           | 15              | runner.heartbeat_seconds: '15' must be less than runner.lease_seconds (15)
          runner.heartbeat_seconds           | 0               | runner.heartbeat_seconds: '0' is out of range (allowed: 1..3599)
          market_data.retention_days         | 0               | market_data.retention_days: '0' must be at least 1
          market_data.retention_days         | 2147483648      | market_data.retention_days: '2147483648' is too large (allowed: at most 2147483647)
          portfolio_defaults.base_currency   | usd             | portfolio_defaults.base_currency: 'usd' is not a currency code (allowed: 3-5 upper-case letters, e.g. USD)
          portfolio_defaults.base_currency   | USDOLLAR        | portfolio_defaults.base_currency: 'USDOLLAR' is not a currency code (allowed: 3-5 upper-case letters, e.g. USD)
          portfolio_defaults.time_zone       | Mars/Base       | portfolio_defaults.time_zone: 'Mars/Base' is not a time zone (e.g. Australia/Sydney, UTC)
          portfolio_defaults.calendar        | LSE             | portfolio_defaults.calendar: 'LSE' is not a calendar (allowed: CRYPTO_24_7, NYSE, ASX)
          portfolio_defaults.starting_cash   | 0               | portfolio_defaults.starting_cash: '0' must be greater than 0
          portfolio_defaults.starting_cash   | -5.00           | portfolio_defaults.starting_cash: '-5.00' must be greater than 0
          portfolio_defaults.starting_cash   | 100k            | portfolio_defaults.starting_cash: '100k' is not a decimal number
          portfolio_defaults.starting_cash   | null            | portfolio_defaults.starting_cash: a value is required, found null
          portfolio_defaults.starting_cash   | 1e400           | portfolio_defaults.starting_cash: '1E+400' is too large (allowed: at most 1000000000000000, that is 1e15)
          portfolio_defaults.tiers.strong    | -1              | portfolio_defaults.tiers.strong: '-1' must be greater than 0
          portfolio_defaults.caps.max_order_value    | -1      | portfolio_defaults.caps.max_order_value: '-1' must be at least 0
          portfolio_defaults.caps.max_gross_exposure | lots    | portfolio_defaults.caps.max_gross_exposure: 'lots' is not a decimal number
          portfolio_defaults.caps.max_open_positions | 2.5     | portfolio_defaults.caps.max_open_positions: '2.5' is not a whole number
          portfolio_defaults.caps.max_open_positions | -1      | portfolio_defaults.caps.max_open_positions: '-1' must be at least 0
          portfolio_defaults.caps.max_position_value | -0.01   | portfolio_defaults.caps.max_position_value: '-0.01' must be at least 0
          portfolio_defaults.overnight.mode  | flatten         | portfolio_defaults.overnight.mode: 'flatten' is not an overnight mode (allowed: none, percent, atr)
          portfolio_defaults.overnight.widen | -2              | portfolio_defaults.overnight.widen: '-2' must be at least 0
          portfolio_defaults.overnight.atr_period | 0          | portfolio_defaults.overnight.atr_period: '0' must be at least 1
          portfolio_defaults.tiers           | 7               | portfolio_defaults.tiers: expected a mapping, found '7'
          portfolios.main.calendar           | LSE             | portfolios.main.calendar: 'LSE' is not a calendar (allowed: CRYPTO_24_7, NYSE, ASX)
          database                           | sqlite          | database: expected a mapping of settings, found 'sqlite'
          database.url                       | [a, b]          | database.url: expected a single value, found a list
          insights.roots                     | {a: b}          | insights.roots: expected a list of values, found a mapping
          insights.roots                     | "[runs, '']"    | insights.roots[1]: '' is not a path
          insights.roots                     | "[runs, [x]]"   | insights.roots[1]: expected a single value, found a list
          web.allowed_hosts                  | "[dash.example, 'http://x.example']" | web.allowed_hosts[1]: 'http://x.example' is not a host name (allowed: a name such as dash.example or an IP address, without scheme, port or path)
          web.allowed_hosts                  | dash.example:8080 | web.allowed_hosts: 'dash.example:8080' is not a host name (allowed: a name such as dash.example or an IP address, without scheme, port or path)
          web.allowed_hosts                  | "['*.example']" | web.allowed_hosts[0]: '*.example' is not a host name (allowed: a name such as dash.example or an IP address, without scheme, port or path)
          web.allowed_hosts                  | "[a.example/x]" | web.allowed_hosts[0]: 'a.example/x' is not a host name (allowed: a name such as dash.example or an IP address, without scheme, port or path)
          web.allowed_hosts                  | {a: b}          | web.allowed_hosts: expected a list of values, found a mapping
          web.allowed_host                   | x.example       | unknown key 'web.allowed_host' (known: allowed_hosts)
          """)
  void bad_file_value_is_an_error_naming_file_line_key_and_value(
      String keyPath, String value, String expected) throws IOException {
    Files.writeString(dir.resolve("tradecore.yaml"), yamlSetting(keyPath, value));

    assertThatThrownBy(() -> TradeCoreConfig.load(null, Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tradecore.yaml line " + (keyPath.split("\\.").length + 1) + ": " + expected);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          TRADECORE_DB_POOL_SIZE   | lots         | 'lots' is not a whole number
          TRADECORE_DB_POOL_SIZE   | 100          | '100' is out of range (allowed: 1..64)
          TRADECORE_DB_URL         | jdbc:h2:mem  | 'jdbc:h2:...' is not a supported database URL (allowed: jdbc:sqlite:..., jdbc:postgresql:...)
          TRADECORE_LEASE_SECONDS  | soon         | 'soon' is not a whole number
          TRADECORE_LEASE_SECONDS  | 5            | '5' must be greater than runner.heartbeat_seconds (5)
          TRADECORE_RETENTION_DAYS | -1           | '-1' must be at least 1
          TRADECORE_RETENTION_DAYS | 2147483648   | '2147483648' is too large (allowed: at most 2147483647)
          TRADECORE_ALLOWED_HOSTS  | "dash.example, a b" | 'a b' is not a host name (allowed: a name such as dash.example or an IP address, without scheme, port or path)
          """)
  void bad_env_value_is_an_error_naming_the_variable(
      String variable, String value, String expected) {
    assertThatThrownBy(() -> TradeCoreConfig.load(null, Map.of(variable, value), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(variable + ": " + expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"'bad name!'", "-main", "'a/b'", "' '", "''"})
  void a_portfolio_name_that_portfolio_create_would_refuse_is_refused_in_the_file(String name)
      throws IOException {
    Files.writeString(
        dir.resolve("tradecore.yaml"), "portfolios:\n  " + name + ":\n    calendar: ASX\n");

    assertThatThrownBy(() -> TradeCoreConfig.load(null, Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tradecore.yaml line ")
        .hasMessageContaining("is not a portfolio name (allowed: 1-64 letters, digits");
  }

  /** Writes {@code a.b.c: v} as nested YAML after a comment, so the value lands on line depth+1. */
  private static String yamlSetting(String keyPath, String value) {
    StringBuilder yaml = new StringBuilder("# test\n");
    String[] keys = keyPath.split("\\.");
    for (int i = 0; i < keys.length; i++) {
      yaml.append("  ".repeat(i)).append(keys[i]).append(':');
      yaml.append(i == keys.length - 1 ? " " + value + "\n" : "\n");
    }
    return yaml.toString();
  }
}
