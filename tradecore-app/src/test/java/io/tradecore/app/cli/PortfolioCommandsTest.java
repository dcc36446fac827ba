package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortfolioCommandsTest {
  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
  }

  @Test
  void init_creates_the_database_and_a_first_portfolio_and_is_harmless_twice() {
    String first = w.ok("init");

    assertThat(w.database()).isRegularFile();
    assertThat(first)
        .contains("jdbc:sqlite:" + w.database(), "created, applied", "migration(s)")
        .contains("created portfolio main", "USD", "Australia/Sydney", "NYSE", "100,000.00 USD");
    String fingerprint = w.fingerprint();

    String second = w.ok("init");

    assertThat(second)
        .contains("found, schema already current", "already initialised: portfolios main");
    assertThat(w.fingerprint()).isEqualTo(fingerprint);
    assertThat(w.rowCounts()).containsEntry("portfolios", 1L);
  }

  @Test
  void init_flags_override_the_configuration() {
    Path config =
        w.write(
            "tradecore.yaml",
            """
            portfolio_defaults:
              base_currency: EUR
              starting_cash: 25000
            portfolios:
              swing:
                calendar: ASX
            """);

    w.ok(
        "init",
        "--config",
        config.toString(),
        "--portfolio",
        "swing",
        "--starting-cash",
        "5000",
        "--time-zone",
        "UTC",
        "--calendar",
        "crypto_24_7");

    JsonNode show =
        OutputFiles.json(
            w.ok("portfolio", "show", "swing", "--json", "--config", config.toString()));
    assertThat(show.get("base_currency").asText()).isEqualTo("EUR");
    assertThat(show.get("time_zone").asText()).isEqualTo("UTC");
    assertThat(show.get("calendar").asText()).isEqualTo("CRYPTO_24_7");
    assertThat(show.get("starting_cash").decimalValue()).isEqualByComparingTo("5000");
    assertThat(show.get("runs").asInt()).isZero();
    assertThat(show.get("last_run").isNull()).isTrue();
  }

  @Test
  void portfolio_create_list_and_show() {
    w.ok("init");

    String created =
        w.ok(
            "portfolio",
            "create",
            "swing",
            "--currency",
            "AUD",
            "--time-zone",
            "Australia/Sydney",
            "--calendar",
            "ASX",
            "--starting-cash",
            "50000",
            "--max-order-value",
            "10000",
            "--max-gross-exposure",
            "40000",
            "--max-open-positions",
            "3",
            "--max-position-value",
            "15000",
            "--overnight",
            "percent",
            "--overnight-widen",
            "2");

    assertThat(created)
        .contains("created portfolio swing", "AUD", "ASX", "50,000.00 AUD")
        .contains("max open positions 3", "widen stops and targets by 2% overnight");
    String list = w.ok("portfolio", "list");
    assertThat(list.lines()).hasSize(3);
    assertThat(list).contains("NAME", "main", "swing", "AUD", "50,000.00");
    JsonNode listJson = OutputFiles.json(w.ok("portfolio", "list", "--json"));
    assertThat(listJson).hasSize(2);
    assertThat(listJson.get(1).get("name").asText()).isEqualTo("swing");

    JsonNode show = OutputFiles.json(w.ok("portfolio", "show", "swing", "--json"));
    JsonNode caps = show.get("settings").get("caps");
    assertThat(caps.get("max_order_value").decimalValue()).isEqualByComparingTo("10000");
    assertThat(caps.get("max_gross_exposure").decimalValue()).isEqualByComparingTo("40000");
    assertThat(caps.get("max_open_positions").asInt()).isEqualTo(3);
    assertThat(caps.get("max_position_value").decimalValue()).isEqualByComparingTo("15000");
    assertThat(show.get("settings").get("overnight").get("mode").asText()).isEqualTo("percent");
    assertThat(show.get("settings").get("overnight").get("widen").decimalValue())
        .isEqualByComparingTo("2");
    assertThat(w.ok("portfolio", "show", "swing"))
        .contains("portfolio swing", "created", "AUD", "runs            0", "last run        none");
  }

  @Test
  void creating_a_portfolio_twice_or_with_a_bad_flag_fails_and_changes_nothing() {
    w.ok("init");
    String before = w.fingerprint();

    Cli.Run twice = w.run("portfolio", "create", "main");
    Cli.Run badZone = w.run("portfolio", "create", "x", "--time-zone", "Mars/Base");
    Cli.Run badCap = w.run("portfolio", "create", "x", "--max-order-value", "-5");

    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).isEqualTo("error: portfolio 'main' already exists\n");
    assertThat(badZone.exitCode()).isEqualTo(2);
    assertThat(badZone.err().lines()).singleElement().asString().contains("Mars/Base");
    assertThat(badCap.exitCode()).isEqualTo(2);
    assertThat(badCap.err().lines()).singleElement().asString().contains("--max-order-value");
    assertThat(w.fingerprint()).isEqualTo(before);
  }

  @Test
  void db_migrate_creates_the_database_and_db_status_lists_the_migrations() {
    Cli.Run before = w.run("db", "status");
    assertThat(before.exitCode()).isEqualTo(1);
    assertThat(before.err()).startsWith("error: no database at ").contains("./tradecore init");

    String migrated = w.ok("db", "migrate");
    String again = w.ok("db", "migrate");

    assertThat(migrated).containsPattern("applied [1-9]\\d* migration\\(s\\)");
    assertThat(again).startsWith("applied 0 migration(s)");
    JsonNode status = OutputFiles.json(w.ok("db", "status", "--json"));
    assertThat(status.get("current").asBoolean()).isTrue();
    assertThat(status.get("pending").asInt()).isZero();
    JsonNode first = status.get("migrations").get(0);
    assertThat(first.get("version").asText()).isEqualTo("1");
    assertThat(first.get("description").asText()).isEqualTo("portfolios and ledger");
    assertThat(first.get("state").asText()).isEqualTo("Success");
    assertThat(first.get("installed_on").asText()).isNotBlank();
    assertThat(w.ok("db", "status"))
        .contains("VERSION", "portfolios and ledger", "schema: current");
    assertThat(w.rowCounts()).containsEntry("portfolios", 0L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // tiers of portfolio swing         | the error names
        "{moderate: abc}                    | portfolios.swing.tiers.moderate: 'abc' is not a decimal number",
        "{strong: 0}                        | portfolios.swing.tiers.strong: '0' must be greater than 0",
        "{modrate: 0.5}                     | unknown key 'portfolios.swing.tiers.modrate'",
        "{moderate: {a: 1}}                 | portfolios.swing.tiers.moderate: expected a single value",
        "{moderate: 2, strong: 1}           | portfolios.swing.tiers: must be 0 < moderate < strong < exceptional (in percent) but are moderate 2, strong 1, exceptional 3 (default)",
        "[1, 2, 3]                          | portfolios.swing.tiers: expected a mapping",
      })
  void invalid_tiers_are_refused_at_create_naming_the_key(String tiers, String error) {
    w.ok("init");
    String before = w.fingerprint();
    Path config = w.write("tiers.yaml", "portfolios:\n  swing:\n    tiers: " + tiers + "\n");

    Cli.Run run = w.run("portfolio", "create", "swing", "--config", config.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains("tiers.yaml line 3: " + error);
    assertThat(w.fingerprint()).isEqualTo(before);
  }

  @Test
  void valid_tiers_are_stored_with_the_portfolio() {
    w.ok("init");
    Path config =
        w.write(
            "tiers.yaml",
            "portfolios:\n  swing:\n    tiers: {moderate: 0.5, strong: 2, exceptional: 5}\n");

    w.ok("portfolio", "create", "swing", "--config", config.toString());

    assertThat(w.query("SELECT settings FROM portfolios WHERE name = 'swing'"))
        .singleElement()
        .asString()
        .contains("\"tiers\":{\"moderate\":0.5,\"strong\":2,\"exceptional\":5}");
  }
}
