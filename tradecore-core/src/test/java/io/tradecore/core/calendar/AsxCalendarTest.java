package io.tradecore.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ASX against its published trading calendars (asx.com.au trading calendar and ASX 24 trading
 * calendar for 2026, ASX "Trading Days, Business Days & Settlement Activity" notices). 2027 was not
 * yet published when this was written: its rows follow the same rules as 2021, the last year with
 * the same weekdays for Christmas (Saturday) and Anzac Day (Sunday), whose closures were December
 * 27 and 28 with the market open on Monday April 26.
 */
class AsxCalendarTest {
  private final TradingCalendar asx = TradingCalendars.of("ASX");

  static Stream<Arguments> publishedHolidays() {
    return Stream.of(
        arguments(
            2024,
            List.of(
                "2024-01-01",
                "2024-01-26",
                "2024-03-29",
                "2024-04-01",
                "2024-04-25",
                "2024-06-10",
                "2024-12-25",
                "2024-12-26")),
        arguments(
            2025,
            // Australia Day on a Sunday: closed Monday January 27.
            List.of(
                "2025-01-01",
                "2025-01-27",
                "2025-04-18",
                "2025-04-21",
                "2025-04-25",
                "2025-06-09",
                "2025-12-25",
                "2025-12-26")),
        arguments(
            2026,
            // Anzac Day on a Saturday: no closure (open Monday April 27); Boxing Day on a
            // Saturday: closed Monday December 28.
            List.of(
                "2026-01-01",
                "2026-01-26",
                "2026-04-03",
                "2026-04-06",
                "2026-06-08",
                "2026-12-25",
                "2026-12-28")),
        arguments(
            2027,
            List.of(
                "2027-01-01",
                "2027-01-26",
                "2027-03-26",
                "2027-03-29",
                "2027-06-14",
                "2027-12-27",
                "2027-12-28")));
  }

  static Stream<Arguments> publishedEarlyCloses() {
    return Stream.of(
        arguments(2024, List.of("2024-12-24", "2024-12-31")),
        arguments(2025, List.of("2025-12-24", "2025-12-31")),
        arguments(2026, List.of("2026-12-24", "2026-12-31")),
        arguments(2027, List.of("2027-12-24", "2027-12-31")));
  }

  @ParameterizedTest(name = "asx_{0}_holidays_match_the_published_calendar")
  @MethodSource("publishedHolidays")
  void asx_holidays_match_the_published_calendar(int year, List<String> published) {
    assertThat(asx.holidays(year))
        .extracting(Holiday::date)
        .isEqualTo(NyseCalendarTest.dates(published));
  }

  @ParameterizedTest(name = "asx_{0}_early_closes_match_the_published_calendar")
  @MethodSource("publishedEarlyCloses")
  void asx_early_closes_match_the_published_calendar(int year, List<String> published) {
    List<Session> early = asx.earlyCloses(year);
    assertThat(early).extracting(Session::date).isEqualTo(NyseCalendarTest.dates(published));
    assertThat(early).allSatisfy(s -> assertThat(s.close().toLocalTime()).isEqualTo("14:10"));
    assertThat(early).allSatisfy(s -> assertThat(s.open().toLocalTime()).isEqualTo("10:00"));
  }

  @Test
  void anzac_day_on_a_weekend_is_not_moved() {
    assertThat(asx.isTradingDay(LocalDate.of(2026, 4, 27))).isTrue();
    assertThat(asx.isTradingDay(LocalDate.of(2027, 4, 26))).isTrue();
    assertThat(asx.isTradingDay(LocalDate.of(2021, 4, 26))).isTrue();
    assertThat(asx.holiday(LocalDate.of(2026, 4, 25))).isEmpty();
  }

  @Test
  void christmas_on_a_saturday_closes_monday_and_tuesday() {
    assertThat(asx.holidays(2027))
        .filteredOn(h -> h.date().getMonthValue() == 12)
        .extracting(Holiday::name)
        .containsExactly("Christmas Day (observed)", "Boxing Day (observed)");
  }

  @Test
  void christmas_on_a_sunday_is_observed_after_boxing_day() {
    assertThat(asx.holidays(2022))
        .filteredOn(h -> h.date().getMonthValue() == 12)
        .containsExactly(
            new Holiday(LocalDate.of(2022, 12, 26), "Boxing Day"),
            new Holiday(LocalDate.of(2022, 12, 27), "Christmas Day (observed)"));
    // By the rule (ASX names the day "Last Business Day before Christmas Day"), the early close
    // falls on the Friday when December 24 is a weekend; 2022 is not a published reference here.
    assertThat(asx.earlyCloses(2022))
        .extracting(Session::date)
        .containsExactly(LocalDate.of(2022, 12, 23), LocalDate.of(2022, 12, 30));
  }

  @Test
  void new_year_on_a_saturday_closes_monday_january_3() {
    assertThat(asx.holiday(LocalDate.of(2022, 1, 3)))
        .map(Holiday::name)
        .contains("New Year's Day (observed)");
    assertThat(asx.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
  }

  @Test
  void the_monarchs_birthday_is_named_for_the_monarch() {
    assertThat(asx.holiday(LocalDate.of(2022, 6, 13)))
        .map(Holiday::name)
        .contains("Queen's Birthday");
    assertThat(asx.holiday(LocalDate.of(2026, 6, 8)))
        .map(Holiday::name)
        .contains("King's Birthday");
  }

  @Test
  void state_holidays_such_as_nsw_labour_day_are_trading_days() {
    assertThat(asx.isTradingDay(LocalDate.of(2026, 10, 5))).isTrue();
  }

  @Test
  void trading_days_skip_the_christmas_closures() {
    assertThat(asx.nextTradingDay(LocalDate.of(2027, 12, 24))).isEqualTo("2027-12-29");
    assertThat(asx.previousTradingDay(LocalDate.of(2026, 4, 7))).isEqualTo("2026-04-02");
  }
}
