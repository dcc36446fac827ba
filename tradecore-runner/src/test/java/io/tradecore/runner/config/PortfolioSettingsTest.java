package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioSettingsTest {
  @TempDir Path dir;

  private TradeCoreConfig load(String yaml) throws IOException {
    Files.writeString(dir.resolve("tradecore.yaml"), yaml);
    return TradeCoreConfig.load(null, Map.of(), dir);
  }

  @Test
  void settings_for_a_named_portfolio_override_the_defaults_key_by_key() throws IOException {
    TradeCoreConfig config =
        load(
            """
            portfolio_defaults:
              base_currency: AUD
              caps:
                max_order_value: 5000
                max_open_positions: 10
              overnight:
                mode: percent
                widen: 2
            portfolios:
              main: {starting_cash: 50000, calendar: CRYPTO_24_7}
              swing:
                caps:
                  max_open_positions: 3
                  max_order_value: null
                overnight:
                  mode: atr
            """);

    PortfolioSettings main = config.settingsFor("main");
    assertThat(main.startingCash()).isEqualTo(new BigDecimal("50000"));
    assertThat(main.calendar()).isEqualTo("CRYPTO_24_7");
    assertThat(main.baseCurrency()).isEqualTo("AUD");
    assertThat(main.timeZone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    assertThat(main.caps()).isEqualTo(new Caps(new BigDecimal("5000"), null, 10, null));

    PortfolioSettings swing = config.settingsFor("swing");
    assertThat(swing.caps()).isEqualTo(new Caps(null, null, 3, null));
    assertThat(swing.overnight())
        .isEqualTo(new OvernightSettings(OvernightMode.ATR, new BigDecimal("2"), 14));
    assertThat(swing.startingCash()).isEqualTo(new BigDecimal("100000"));
  }

  @Test
  void settings_for_an_unnamed_portfolio_are_the_defaults() throws IOException {
    TradeCoreConfig config = load("portfolio_defaults: {calendar: ASX}\nportfolios:\n  main:\n");

    assertThat(config.settingsFor("other")).isEqualTo(config.portfolioDefaults());
    assertThat(config.settingsFor("main")).isEqualTo(config.portfolioDefaults());
    assertThat(config.portfolioDefaults().calendar()).isEqualTo("ASX");
  }

  @Test
  void tiers_of_a_named_portfolio_override_the_default_tiers_key_by_key() throws IOException {
    TradeCoreConfig config =
        load(
            """
            portfolio_defaults:
              tiers: {strong: 2, moderate: 0.5}
            portfolios:
              main:
                tiers: {moderate: 0.75}
            """);

    assertThat(config.settingsFor("main").tiers())
        .containsExactly(Map.entry("strong", 2), Map.entry("moderate", new BigDecimal("0.75")));
  }

  @Test
  void json_round_trip_keeps_every_value_exactly() {
    Map<String, Object> tiers = new LinkedHashMap<>();
    tiers.put("moderate", null);
    tiers.put("strong", new BigDecimal("2.0300"));
    tiers.put("exceptional", 2_000_000_000_000L);
    PortfolioSettings settings =
        new PortfolioSettings(
            "AUD",
            ZoneId.of("America/New_York"),
            "CRYPTO_24_7",
            new BigDecimal("12345.6789"),
            new Caps(new BigDecimal("1000.10"), null, 7, new BigDecimal("0")),
            new OvernightSettings(OvernightMode.PERCENT, new BigDecimal("2.50"), 21),
            tiers);

    String json = settings.toJson();

    assertThat(json)
        .startsWith("{\"base_currency\":\"AUD\",\"time_zone\":\"America/New_York\"")
        .contains("\"starting_cash\":12345.6789")
        .contains("\"mode\":\"percent\"");
    assertThat(PortfolioSettings.fromJson(json)).isEqualTo(settings);
  }

  @Test
  void json_round_trip_of_the_defaults() {
    assertThat(PortfolioSettings.fromJson(PortfolioSettings.DEFAULTS.toJson()))
        .isEqualTo(PortfolioSettings.DEFAULTS);
  }

  @Test
  void json_without_some_keys_takes_the_built_in_defaults() {
    PortfolioSettings settings = PortfolioSettings.fromJson("{\"starting_cash\": 500}");

    assertThat(settings.startingCash()).isEqualTo(new BigDecimal("500"));
    assertThat(settings.calendar()).isEqualTo(PortfolioSettings.DEFAULTS.calendar());
  }

  @Test
  void bad_json_value_is_an_error_naming_the_key() {
    assertThatThrownBy(() -> PortfolioSettings.fromJson("{\"time_zone\": \"Mars/Base\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "portfolio settings JSON line 1: time_zone: 'Mars/Base' is not a time zone"
                + " (e.g. Australia/Sydney, UTC)");
  }

  @Test
  void malformed_json_is_an_error_naming_line_and_column() {
    assertThatThrownBy(() -> PortfolioSettings.fromJson("{\n\"calendar\": \"NYSE\",,\n}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("portfolio settings JSON line 2 column ")
        .hasMessageContaining("malformed JSON")
        .hasMessageNotContaining("\n");
  }

  @Test
  void constructor_rejects_invalid_values() {
    assertThatThrownBy(
            () ->
                new PortfolioSettings(
                    "USD",
                    ZoneId.of("UTC"),
                    "LSE",
                    BigDecimal.ONE,
                    Caps.NONE,
                    OvernightSettings.NONE,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'LSE' is not a calendar");
  }
}
