package io.tradecore.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarAdjustmentsTest {
  @Test
  void the_2025_01_09_closure_comes_from_bundled_data() {
    assertThat(CalendarAdjustments.bundled().all())
        .contains(
            new CalendarAdjustment.Closed(
                "NYSE",
                LocalDate.of(2025, 1, 9),
                "National Day of Mourning for President Jimmy Carter"));
    TradingCalendar nyse = TradingCalendars.of("NYSE");
    assertThat(nyse.holiday(LocalDate.of(2025, 1, 9)))
        .map(Holiday::name)
        .contains("National Day of Mourning for President Jimmy Carter");
    assertThat(nyse.status(Instant.parse("2025-01-09T16:00:00Z")).state())
        .isEqualTo(MarketState.HOLIDAY);
    TradingCalendar rulesOnly = TradingCalendars.rulesOnly().get("NYSE");
    assertThat(rulesOnly.isTradingDay(LocalDate.of(2025, 1, 9))).isTrue();
  }

  @Test
  void adjustments_are_added_from_a_reader_without_changing_the_standard_calendars()
      throws IOException {
    String text =
        """
        # a comment, then a blank line

        NYSE 2026-03-11 CLOSED Exchange systems outage
        nyse 2026-03-12 early_close 12:00
        ASX  2026-03-02 CLOSED
        """;
    TradingCalendars calendars = TradingCalendars.withAdjustments(new StringReader(text));
    TradingCalendar nyse = calendars.get("NYSE");
    assertThat(nyse.holiday(LocalDate.of(2026, 3, 11)))
        .contains(new Holiday(LocalDate.of(2026, 3, 11), "Exchange systems outage"));
    Session short12 = nyse.session(LocalDate.of(2026, 3, 12)).orElseThrow();
    assertThat(short12.close().toLocalTime()).isEqualTo(LocalTime.NOON);
    assertThat(short12.note()).isEqualTo("Special early close");
    assertThat(nyse.earlyCloses(2026)).extracting(Session::date).contains(short12.date());
    assertThat(calendars.get("ASX").holiday(LocalDate.of(2026, 3, 2)))
        .map(Holiday::name)
        .contains("Special closure");
    // The bundled closure is still there, and the standard calendars are unchanged.
    assertThat(nyse.isTradingDay(LocalDate.of(2025, 1, 9))).isFalse();
    assertThat(TradingCalendars.of("NYSE").isTradingDay(LocalDate.of(2026, 3, 11))).isTrue();
  }

  @Test
  void an_adjustment_replaces_a_rule_early_close_and_a_closure_removes_one() {
    TradingCalendars calendars =
        TradingCalendars.standard()
            .plus(
                CalendarAdjustments.parse(
                    """
                    NYSE 2026-12-24 EARLY_CLOSE 12:00 Christmas Eve, shortened further
                    NYSE 2026-11-27 CLOSED Closed all day
                    """));
    TradingCalendar nyse = calendars.get("NYSE");
    assertThat(nyse.earlyCloses(2026))
        .singleElement()
        .satisfies(s -> assertThat(s.close().toLocalTime()).isEqualTo(LocalTime.NOON));
    assertThat(nyse.isTradingDay(LocalDate.of(2026, 11, 27))).isFalse();
  }

  @Test
  void asx_rules_react_to_a_closure_on_the_last_day_before_christmas() {
    TradingCalendar asx =
        TradingCalendars.standard()
            .plus(CalendarAdjustments.parse("ASX 2026-12-24 CLOSED Test closure"))
            .get("ASX");
    assertThat(asx.earlyCloses(2026))
        .extracting(Session::date)
        .containsExactly(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 31));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NYSE 2026-13-01 CLOSED x          | line 1: '2026-13-01' is not a date",
        "NYSE 2026-03-11 HALTED x          | line 1: 'HALTED' is not CLOSED or EARLY_CLOSE",
        "NYSE 2026-03-11                   | line 1: expected",
        "NYSE 2026-03-11 EARLY_CLOSE x     | line 1: EARLY_CLOSE needs a close time",
      })
  void malformed_lines_fail_with_their_line_number(String line, String message) {
    assertThatThrownBy(() -> CalendarAdjustments.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void a_date_adjusted_twice_in_one_file_is_refused() {
    assertThatThrownBy(
            () ->
                CalendarAdjustments.parse(
                    "NYSE 2026-03-11 CLOSED a\n\nNYSE 2026-03-11 EARLY_CLOSE 13:00 b\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("line 1");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LSE 2026-03-11 CLOSED x               | known: ASX, CRYPTO_24_7, NYSE",
        "CRYPTO_24_7 2026-03-11 CLOSED x       | always open",
        "NYSE 2026-03-14 CLOSED x              | SATURDAY",
        "NYSE 2026-03-11 EARLY_CLOSE 16:30 x   | not inside the session 09:30-16:00",
        "NYSE 2026-03-11 EARLY_CLOSE 09:30 x   | not inside the session",
        "NYSE 2026-12-25 EARLY_CLOSE 13:00 x   | cannot close early on a holiday",
      })
  void adjustments_that_cannot_apply_are_refused(String line, String message) {
    CalendarAdjustments adjustments = CalendarAdjustments.parse(line);
    assertThatThrownBy(() -> TradingCalendars.standard().plus(adjustments))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
