package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarStatusTest {
  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    // New York is on daylight time (UTC-4) from 2026-03-08
    "NYSE, 2026-03-10T15:00:00Z, OPEN, 2026-03-10, 11:00, 2026-03-11T13:30:00Z, 2026-03-10T20:00:00Z",
    "NYSE, 2026-03-10T12:00:00Z, PRE_MARKET, 2026-03-10, 08:00, 2026-03-10T13:30:00Z,"
        + " 2026-03-10T20:00:00Z",
    // ... and on standard time (UTC-5) before it
    "NYSE, 2026-03-06T14:00:00Z, PRE_MARKET, 2026-03-06, 09:00, 2026-03-06T14:30:00Z,"
        + " 2026-03-06T21:00:00Z",
    "NYSE, 2026-03-06T21:00:00Z, CLOSED, 2026-03-06, 16:00, 2026-03-09T13:30:00Z,"
        + " 2026-03-09T20:00:00Z",
    // the day after Thanksgiving closes at 13:00
    "NYSE, 2026-11-27T17:00:00Z, OPEN, 2026-11-27, 12:00, 2026-11-30T14:30:00Z,"
        + " 2026-11-27T18:00:00Z",
    "NYSE, 2026-11-27T18:30:00Z, CLOSED, 2026-11-27, 13:30, 2026-11-30T14:30:00Z,"
        + " 2026-11-30T21:00:00Z",
    "NYSE, 2026-11-26T16:00:00Z, HOLIDAY, 2026-11-26, 11:00, 2026-11-27T14:30:00Z,"
        + " 2026-11-27T18:00:00Z",
    "NYSE, 2026-11-28T16:00:00Z, WEEKEND, 2026-11-28, 11:00, 2026-11-30T14:30:00Z,"
        + " 2026-11-30T21:00:00Z",
    // Sydney is on daylight time (UTC+11) until 2026-04-05
    "ASX, 2026-03-10T00:00:00Z, OPEN, 2026-03-10, 11:00, 2026-03-10T23:00:00Z, 2026-03-10T05:00:00Z",
    "CRYPTO_24_7, 2026-11-26T16:00:00Z, OPEN, 2026-11-26, 16:00, 2026-11-27T00:00:00Z,"
        + " 2026-11-27T00:00:00Z",
  })
  void status_at_an_instant(
      String calendar,
      String at,
      String state,
      String localDate,
      String localTime,
      String nextOpen,
      String nextClose) {
    JsonNode json = status("--calendar", calendar, "--at", at, "--json");

    assertThat(json.get("calendar").asText()).isEqualTo(calendar);
    assertThat(json.get("at").asText()).isEqualTo(at);
    assertThat(json.get("state").asText()).isEqualTo(state);
    assertThat(json.get("local_date").asText()).isEqualTo(localDate);
    assertThat(json.get("local_time").asText()).isEqualTo(localTime);
    assertThat(json.get("next_open").asText()).isEqualTo(nextOpen);
    assertThat(json.get("next_close").asText()).isEqualTo(nextClose);
  }

  @Test
  void an_early_close_day_is_flagged_with_its_session() {
    JsonNode json = status("--calendar", "NYSE", "--at", "2026-11-27T17:00:00Z", "--json");

    assertThat(json.get("early_close_day").asBoolean()).isTrue();
    assertThat(json.get("trading_day").asBoolean()).isTrue();
    assertThat(json.get("holiday").isNull()).isTrue();
    assertThat(json.get("session").get("open").asText()).isEqualTo("2026-11-27T09:30-05:00");
    assertThat(json.get("session").get("close").asText()).isEqualTo("2026-11-27T13:00-05:00");
    assertThat(json.get("session").get("note").asText()).isEqualTo("Day after Thanksgiving");
    assertThat(json.get("next_close_local").asText()).isEqualTo("2026-11-27T13:00-05:00");
  }

  @Test
  void a_holiday_is_named_and_has_no_session() {
    JsonNode json = status("--calendar", "NYSE", "--at", "2026-11-26T16:00:00Z", "--json");

    assertThat(json.get("holiday").asText()).isEqualTo("Thanksgiving Day");
    assertThat(json.get("session").isNull()).isTrue();
    assertThat(json.get("trading_day").asBoolean()).isFalse();
    assertThat(json.get("early_close_day").asBoolean()).isFalse();
    assertThat(json.get("next_open_local").asText()).isEqualTo("2026-11-27T09:30-05:00");
  }

  @Test
  void text_shows_the_state_local_time_early_close_and_next_session_in_both_zones() {
    Cli.Run run =
        Cli.run("calendar", "status", "--calendar", "NYSE", "--at", "2026-11-27T18:30:00Z");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("NYSE at 2026-11-27T18:30:00Z")
        .contains("state        CLOSED")
        .contains("local time   2026-11-27 13:30:00 Fri America/New_York")
        .contains("session      09:30-13:00")
        .contains("early close  yes: Day after Thanksgiving")
        .contains("holiday      none")
        .contains("next open    2026-11-30 09:30:00 Mon America/New_York (2026-11-30T14:30:00Z)")
        .contains("next close   2026-11-30 16:00:00 Mon America/New_York (2026-11-30T21:00:00Z)");
  }

  @Test
  void a_crypto_session_runs_from_midnight_to_midnight_utc() {
    Cli.Run run =
        Cli.run("calendar", "status", "--calendar", "CRYPTO_24_7", "--at", "2026-12-25T12:00:00Z");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("state        OPEN")
        .contains("local time   2026-12-25 12:00:00 Fri UTC")
        .contains("session      00:00-24:00")
        .contains("next close   2026-12-26 00:00:00 Sat UTC (2026-12-26T00:00:00Z)");
  }

  @Test
  void without_at_it_uses_the_wall_clock() {
    // Cli.NOW is 2025-03-14T09:30:00Z, 05:30 in New York (daylight time since 2025-03-09).
    JsonNode json = status("--calendar", "NYSE", "--json");

    assertThat(json.get("at").asText()).isEqualTo(Cli.NOW.toString());
    assertThat(json.get("state").asText()).isEqualTo("PRE_MARKET");
    assertThat(json.get("next_open").asText()).isEqualTo("2025-03-14T13:30:00Z");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-27T12:00:00-05:00",
        "2026-11-27T18:00:00+01:00",
        "2026-11-27T12:00-05:00[America/New_York]"
      })
  void at_takes_a_local_date_time_with_an_offset(String at) {
    JsonNode json = status("--calendar", "NYSE", "--at", at, "--json");

    assertThat(json.get("at").asText()).isEqualTo("2026-11-27T17:00:00Z");
    assertThat(json.get("state").asText()).isEqualTo("OPEN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomorrow", "2026-11-27", "2026-11-27T12:00:00", "2026-13-45T10:00:00Z"})
  void a_malformed_instant_is_a_usage_error_naming_it(String at) {
    Cli.Run run = Cli.run("calendar", "status", "--calendar", "NYSE", "--at", at);

    assertThat(run.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("error: --at '" + at + "' is not an instant");
  }

  @Test
  void an_unknown_calendar_is_a_usage_error() {
    Cli.Run run = Cli.run("calendar", "status", "--calendar", "XETRA");

    assertThat(run.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(run.err().lines().toList())
        .containsExactly("error: unknown trading calendar 'XETRA'; known: ASX, CRYPTO_24_7, NYSE");
  }

  private static JsonNode status(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "calendar";
    args[1] = "status";
    System.arraycopy(options, 0, args, 2, options.length);
    Cli.Run run = Cli.run(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    return OutputFiles.json(run.out());
  }
}
