package io.tradecore.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NYSE against the exchange's published holiday and early-closing calendars: NYSE Group
 * announcements of 2021-12-27 (2022-2024), 2024-11-08 (2025-2027) and 2025-12-23 (2026-2028), plus
 * the 2024-12-30 announcement of the closure on 2025-01-09.
 */
class NyseCalendarTest {
  private final TradingCalendar nyse = TradingCalendars.of("NYSE");

  static Stream<Arguments> publishedHolidays() {
    return Stream.of(
        arguments(
            2022,
            // New Year's Day 2022 fell on a Saturday: "No holiday observed" (Rule 7.2).
            List.of(
                "2022-01-17",
                "2022-02-21",
                "2022-04-15",
                "2022-05-30",
                "2022-06-20",
                "2022-07-04",
                "2022-09-05",
                "2022-11-24",
                "2022-12-26")),
        arguments(
            2023,
            List.of(
                "2023-01-02",
                "2023-01-16",
                "2023-02-20",
                "2023-04-07",
                "2023-05-29",
                "2023-06-19",
                "2023-07-04",
                "2023-09-04",
                "2023-11-23",
                "2023-12-25")),
        arguments(
            2024,
            List.of(
                "2024-01-01",
                "2024-01-15",
                "2024-02-19",
                "2024-03-29",
                "2024-05-27",
                "2024-06-19",
                "2024-07-04",
                "2024-09-02",
                "2024-11-28",
                "2024-12-25")),
        arguments(
            2025,
            // 2025-01-09: National Day of Mourning for President Carter (bundled data).
            List.of(
                "2025-01-01",
                "2025-01-09",
                "2025-01-20",
                "2025-02-17",
                "2025-04-18",
                "2025-05-26",
                "2025-06-19",
                "2025-07-04",
                "2025-09-01",
                "2025-11-27",
                "2025-12-25")),
        arguments(
            2026,
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
                "2026-12-25")),
        arguments(
            2027,
            List.of(
                "2027-01-01",
                "2027-01-18",
                "2027-02-15",
                "2027-03-26",
                "2027-05-31",
                "2027-06-18",
                "2027-07-05",
                "2027-09-06",
                "2027-11-25",
                "2027-12-24")),
        arguments(
            2028,
            // New Year's Day 2028 falls on a Saturday: no holiday observed.
            List.of(
                "2028-01-17",
                "2028-02-21",
                "2028-04-14",
                "2028-05-29",
                "2028-06-19",
                "2028-07-04",
                "2028-09-04",
                "2028-11-23",
                "2028-12-25")));
  }

  static Stream<Arguments> publishedEarlyCloses() {
    return Stream.of(
        arguments(2022, List.of("2022-11-25")),
        arguments(2023, List.of("2023-07-03", "2023-11-24")),
        arguments(2024, List.of("2024-07-03", "2024-11-29", "2024-12-24")),
        arguments(2025, List.of("2025-07-03", "2025-11-28", "2025-12-24")),
        arguments(2026, List.of("2026-11-27", "2026-12-24")),
        // No early close on Friday 2027-07-02 (Independence Day observed Monday July 5) nor on
        // Friday 2027-12-24 (the observed Christmas).
        arguments(2027, List.of("2027-11-26")),
        arguments(2028, List.of("2028-07-03", "2028-11-24")));
  }

  @ParameterizedTest(name = "nyse_{0}_holidays_match_the_published_calendar")
  @MethodSource("publishedHolidays")
  void nyse_holidays_match_the_published_calendar(int year, List<String> published) {
    assertThat(nyse.holidays(year)).extracting(Holiday::date).isEqualTo(dates(published));
    for (String d : published) {
      assertThat(nyse.isTradingDay(LocalDate.parse(d))).as(d).isFalse();
      assertThat(nyse.session(LocalDate.parse(d))).as(d).isEmpty();
    }
  }

  @ParameterizedTest(name = "nyse_{0}_early_closes_match_the_published_calendar")
  @MethodSource("publishedEarlyCloses")
  void nyse_early_closes_match_the_published_calendar(int year, List<String> published) {
    List<Session> early = nyse.earlyCloses(year);
    assertThat(early).extracting(Session::date).isEqualTo(dates(published));
    assertThat(early).allSatisfy(s -> assertThat(s.close().toLocalTime()).isEqualTo("13:00"));
    assertThat(early).allSatisfy(s -> assertThat(s.open().toLocalTime()).isEqualTo("09:30"));
    assertThat(early).allSatisfy(s -> assertThat(s.earlyClose()).isTrue());
    for (Session s : early) {
      assertThat(nyse.session(s.date())).contains(s);
    }
  }

  @Test
  void holidays_carry_the_published_names() {
    assertThat(nyse.holidays(2026))
        .extracting(Holiday::name)
        .containsExactly(
            "New Year's Day",
            "Martin Luther King, Jr. Day",
            "Washington's Birthday",
            "Good Friday",
            "Memorial Day",
            "Juneteenth National Independence Day",
            "Independence Day (observed)",
            "Labor Day",
            "Thanksgiving Day",
            "Christmas Day");
  }

  @Test
  void juneteenth_2027_on_a_saturday_is_observed_on_friday_june_18() {
    assertThat(nyse.holiday(LocalDate.of(2027, 6, 18)))
        .map(Holiday::name)
        .contains("Juneteenth National Independence Day (observed)");
    assertThat(nyse.holiday(LocalDate.of(2027, 6, 19))).isEmpty();
    assertThat(nyse.isTradingDay(LocalDate.of(2027, 6, 21))).isTrue();
  }

  @Test
  void juneteenth_is_a_holiday_only_from_2022() {
    assertThat(nyse.isTradingDay(LocalDate.of(2021, 6, 18))).isTrue();
    assertThat(nyse.isTradingDay(LocalDate.of(2021, 6, 21))).isTrue();
    assertThat(nyse.isTradingDay(LocalDate.of(2022, 6, 20))).isFalse();
  }

  @Test
  void christmas_2022_on_a_sunday_is_observed_on_monday_december_26() {
    assertThat(nyse.holiday(LocalDate.of(2022, 12, 26)))
        .map(Holiday::name)
        .contains("Christmas Day (observed)");
    assertThat(nyse.session(LocalDate.of(2022, 12, 23)).orElseThrow().earlyClose()).isFalse();
  }

  @Test
  void new_year_2022_on_a_saturday_is_not_observed_on_friday_december_31() {
    LocalDate dec31 = LocalDate.of(2021, 12, 31);
    assertThat(nyse.isTradingDay(dec31)).isTrue();
    assertThat(nyse.session(dec31).orElseThrow().earlyClose()).isFalse();
    assertThat(nyse.holidays(2021)).extracting(Holiday::date).doesNotContain(dec31);
    assertThat(nyse.isTradingDay(LocalDate.of(2027, 12, 31))).isTrue();
  }

  @Test
  void new_year_2023_on_a_sunday_is_observed_on_monday_january_2() {
    assertThat(nyse.holiday(LocalDate.of(2023, 1, 2)))
        .map(Holiday::name)
        .contains("New Year's Day (observed)");
  }

  @Test
  void independence_day_2026_on_a_saturday_closes_friday_july_3_with_no_early_close_before() {
    assertThat(nyse.holiday(LocalDate.of(2026, 7, 3))).isPresent();
    assertThat(nyse.session(LocalDate.of(2026, 7, 2)).orElseThrow().earlyClose()).isFalse();
    assertThat(nyse.session(LocalDate.of(2027, 7, 2)).orElseThrow().earlyClose()).isFalse();
  }

  @Test
  void regular_sessions_run_from_0930_to_1600_new_york_time() {
    Session s = nyse.session(LocalDate.of(2026, 3, 10)).orElseThrow();
    assertThat(s.open().toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    assertThat(s.close().toLocalTime()).isEqualTo(LocalTime.of(16, 0));
    assertThat(s.open().getZone()).isEqualTo(nyse.zone());
    assertThat(s.earlyClose()).isFalse();
    assertThat(s.note()).isEmpty();
  }

  @Test
  void next_and_previous_trading_days_skip_weekends_holidays_and_closures() {
    assertThat(nyse.nextTradingDay(LocalDate.of(2026, 7, 2))).isEqualTo("2026-07-06");
    assertThat(nyse.previousTradingDay(LocalDate.of(2026, 1, 2))).isEqualTo("2025-12-31");
    assertThat(nyse.nextTradingDay(LocalDate.of(2025, 1, 8))).isEqualTo("2025-01-10");
    assertThat(nyse.previousTradingDay(LocalDate.of(2025, 1, 10))).isEqualTo("2025-01-08");
    assertThat(nyse.nextTradingDay(LocalDate.of(2026, 4, 2))).isEqualTo("2026-04-06");
    assertThat(nyse.tradingDays(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)))
        .containsExactly(
            LocalDate.of(2026, 11, 23),
            LocalDate.of(2026, 11, 24),
            LocalDate.of(2026, 11, 25),
            LocalDate.of(2026, 11, 27));
  }

  static List<LocalDate> dates(List<String> isoDates) {
    return isoDates.stream().map(LocalDate::parse).toList();
  }
}
