package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarShowTest {
  /** The NYSE's published 2026 holidays (nyse.com, "Holidays and Trading Hours"). */
  private static final List<String> NYSE_2026_HOLIDAYS =
      List.of(
          "2026-01-01",
          "2026-01-19",
          "2026-02-16",
          "2026-04-03",
          "2026-05-25",
          "2026-06-19",
          "2026-07-03",
          "2026-09-07",
          "2026-11-26",
          "2026-12-25");

  @Test
  void nyse_2026_lists_the_published_holidays_and_early_closes() {
    Cli.Run run = Cli.run("calendar", "show", "--calendar", "NYSE", "--year", "2026");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("NYSE 2026 (America/New_York)")
        .contains("holidays: 10", "early closes: 2")
        .contains("2026-01-01  Thu  New Year's Day")
        .contains("2026-01-19  Mon  Martin Luther King, Jr. Day")
        .contains("2026-04-03  Fri  Good Friday")
        .contains("2026-07-03  Fri  Independence Day (observed)")
        .contains("2026-11-26  Thu  Thanksgiving Day")
        .contains("2026-11-27  Fri  closes 13:00  Day after Thanksgiving")
        .contains("2026-12-24  Thu  closes 13:00  Christmas Eve")
        .doesNotContain("2026-07-02");
    for (String day : NYSE_2026_HOLIDAYS) {
      assertThat(run.out()).contains("  " + day + "  ");
    }
  }

  @Test
  void nyse_2026_as_json() {
    Cli.Run run = Cli.run("calendar", "show", "--calendar", "nyse", "--year", "2026", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = OutputFiles.json(run.out());
    assertThat(json.get("calendar").asText()).isEqualTo("NYSE");
    assertThat(json.get("year").asInt()).isEqualTo(2026);
    assertThat(json.get("zone").asText()).isEqualTo("America/New_York");
    assertThat(values(json.get("holidays"), "date")).isEqualTo(NYSE_2026_HOLIDAYS);
    assertThat(json.get("holidays").get(3).get("name").asText()).isEqualTo("Good Friday");
    assertThat(values(json.get("early_closes"), "date"))
        .containsExactly("2026-11-27", "2026-12-24");
    assertThat(values(json.get("early_closes"), "close")).containsExactly("13:00", "13:00");
    assertThat(values(json.get("early_closes"), "note"))
        .containsExactly("Day after Thanksgiving", "Christmas Eve");
  }

  @Test
  void nyse_2021_observes_weekend_holidays_and_skips_the_christmas_eve_close() {
    JsonNode json =
        OutputFiles.json(
            Cli.run("calendar", "show", "--calendar", "NYSE", "--year", "2021", "--json").out());

    // Nine: Juneteenth closes the NYSE from 2022; New Year's Day 2022 (a Saturday) is not observed.
    assertThat(values(json.get("holidays"), "date"))
        .contains("2021-07-05", "2021-12-24")
        .doesNotContain("2021-12-31")
        .hasSize(9);
    assertThat(values(json.get("early_closes"), "date")).containsExactly("2021-11-26");
  }

  @Test
  void asx_2026_is_in_sydney_time_with_its_own_holidays() {
    JsonNode json =
        OutputFiles.json(
            Cli.run("calendar", "show", "--calendar", "ASX", "--year", "2026", "--json").out());

    assertThat(json.get("zone").asText()).isEqualTo("Australia/Sydney");
    assertThat(values(json.get("holidays"), "date"))
        .contains("2026-01-01", "2026-01-26", "2026-04-03", "2026-04-06", "2026-12-25")
        .doesNotContain("2026-01-19");
  }

  @Test
  void crypto_has_no_holidays_and_no_early_closes() {
    Cli.Run run = Cli.run("calendar", "show", "--calendar", "CRYPTO_24_7", "--year", "2026");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "CRYPTO_24_7 2026 (UTC)",
                "holidays: 0",
                "early closes: 0",
                ""));
  }

  @Test
  void an_unknown_calendar_is_a_usage_error_naming_the_known_ones() {
    Cli.Run run = Cli.run("calendar", "show", "--calendar", "LSE", "--year", "2026");

    assertThat(run.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList())
        .containsExactly("error: unknown trading calendar 'LSE'; known: ASX, CRYPTO_24_7, NYSE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1899", "2201", "-5"})
  void a_year_out_of_range_is_a_usage_error(String year) {
    Cli.Run run = Cli.run("calendar", "show", "--calendar", "NYSE", "--year", year);

    assertThat(run.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("error: --year " + year + " is out of range; use 1900 to 2200");
  }

  @Test
  void a_year_that_is_not_a_number_is_a_usage_error() {
    Cli.Run run = Cli.run("calendar", "show", "--calendar", "NYSE", "--year", "next");

    assertThat(run.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(run.err().lines().toList()).singleElement().asString().startsWith("error: ");
  }

  private static List<String> values(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
