package io.tradecore.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingCalendarsTest {
  @Test
  void calendars_are_found_by_id_case_insensitively() {
    assertThat(TradingCalendars.ids()).containsExactly("ASX", "CRYPTO_24_7", "NYSE");
    assertThat(TradingCalendars.of("nyse").id()).isEqualTo("NYSE");
    assertThat(TradingCalendars.of("NYSE").zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(TradingCalendars.of("ASX").zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    assertThat(TradingCalendars.of("CRYPTO_24_7").zone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void an_unknown_id_is_refused_naming_the_known_ones() {
    assertThatThrownBy(() -> TradingCalendars.of("LSE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown trading calendar 'LSE'; known: ASX, CRYPTO_24_7, NYSE");
  }

  @Test
  void crypto_is_always_open_in_whole_days_of_its_zone() {
    TradingCalendar crypto = TradingCalendars.of("CRYPTO_24_7");
    for (String at : new String[] {"2026-01-01T00:00:00Z", "2026-07-04T12:00:00Z"}) {
      MarketStatus s = crypto.status(Instant.parse(at));
      assertThat(s.state()).isEqualTo(MarketState.OPEN);
      assertThat(s.earlyCloseDay()).isFalse();
    }
    MarketStatus s = crypto.status(Instant.parse("2026-12-25T10:15:00Z"));
    assertThat(s.date()).isEqualTo("2026-12-25");
    assertThat(s.nextClose()).isEqualTo("2026-12-26T00:00:00Z");
    assertThat(s.nextOpen()).isEqualTo("2026-12-26T00:00:00Z");
    assertThat(crypto.holidays(2026)).isEmpty();
    assertThat(crypto.earlyCloses(2026)).isEmpty();
    assertThat(crypto.isTradingDay(LocalDate.of(2026, 12, 26))).isTrue();
    assertThat(crypto.nextTradingDay(LocalDate.of(2026, 12, 31))).isEqualTo("2027-01-01");
    assertThat(crypto.previousTradingDay(LocalDate.of(2026, 1, 1))).isEqualTo("2025-12-31");
  }

  @Test
  void crypto_days_follow_the_zone_given_including_dst() {
    TradingCalendar crypto = TradingCalendars.crypto(ZoneId.of("America/New_York"));
    assertThat(crypto.id()).isEqualTo("CRYPTO_24_7");
    Session day = crypto.session(LocalDate.of(2026, 3, 8)).orElseThrow();
    assertThat(day.openInstant()).isEqualTo("2026-03-08T05:00:00Z");
    assertThat(day.closeInstant()).isEqualTo("2026-03-09T04:00:00Z");
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
    MarketStatus s = crypto.status(Instant.parse("2026-03-09T03:59:00Z"));
    assertThat(s.date()).isEqualTo("2026-03-08");
    assertThat(s.isOpen()).isTrue();
  }

  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({
    "1818, 1818-03-22",
    "1943, 1943-04-25",
    "2000, 2000-04-23",
    "2008, 2008-03-23",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2285, 2285-03-22",
  })
  void easter_is_computed_for_any_year(int year, LocalDate easter) {
    assertThat(HolidayDates.easterSunday(year)).isEqualTo(easter);
  }

  @Test
  void good_friday_follows_easter_far_from_the_tested_years() {
    assertThat(TradingCalendars.of("NYSE").holiday(LocalDate.of(2038, 4, 23)))
        .map(Holiday::name)
        .contains("Good Friday");
    assertThat(TradingCalendars.of("ASX").holiday(LocalDate.of(2038, 4, 26)))
        .map(Holiday::name)
        .contains("Easter Monday");
  }
}
