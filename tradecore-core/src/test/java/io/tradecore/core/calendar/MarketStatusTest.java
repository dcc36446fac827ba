package io.tradecore.core.calendar;

import static io.tradecore.core.calendar.MarketState.CLOSED;
import static io.tradecore.core.calendar.MarketState.HOLIDAY;
import static io.tradecore.core.calendar.MarketState.OPEN;
import static io.tradecore.core.calendar.MarketState.PRE_MARKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketStatusTest {
  private final TradingCalendar nyse = TradingCalendars.of("NYSE");
  private final TradingCalendar asx = TradingCalendars.of("ASX");

  /** New York local 09:29/09:30/15:59/16:00 around the 2026 switches (Mar 8, Nov 1), in UTC. */
  @ParameterizedTest(name = "NYSE at {0} is {1}")
  @CsvSource({
    // Friday 2026-03-06, EST (UTC-5)
    "2026-03-06T14:29:00Z, PRE_MARKET",
    "2026-03-06T14:30:00Z, OPEN",
    "2026-03-06T20:59:00Z, OPEN",
    "2026-03-06T21:00:00Z, CLOSED",
    "2026-03-06T13:30:00Z, PRE_MARKET",
    // Monday 2026-03-09, EDT (UTC-4)
    "2026-03-09T13:29:00Z, PRE_MARKET",
    "2026-03-09T13:30:00Z, OPEN",
    "2026-03-09T19:59:00Z, OPEN",
    "2026-03-09T20:00:00Z, CLOSED",
    "2026-03-09T20:30:00Z, CLOSED",
    // Friday 2026-10-30, EDT
    "2026-10-30T13:29:00Z, PRE_MARKET",
    "2026-10-30T13:30:00Z, OPEN",
    "2026-10-30T19:59:00Z, OPEN",
    "2026-10-30T20:00:00Z, CLOSED",
    // Monday 2026-11-02, EST
    "2026-11-02T14:29:00Z, PRE_MARKET",
    "2026-11-02T14:30:00Z, OPEN",
    "2026-11-02T20:59:00Z, OPEN",
    "2026-11-02T21:00:00Z, CLOSED",
    "2026-11-02T13:30:00Z, PRE_MARKET",
  })
  void nyse_status_follows_new_york_time_across_dst_switches(String at, MarketState expected) {
    assertThat(nyse.status(Instant.parse(at)).state()).isEqualTo(expected);
  }

  /** Sydney local 09:59/10:00/15:59/16:00 around the 2026 switches (Apr 5, Oct 4), in UTC. */
  @ParameterizedTest(name = "ASX at {0} is {1}")
  @CsvSource({
    // Thursday 2026-04-02, AEDT (UTC+11)
    "2026-04-01T22:59:00Z, PRE_MARKET",
    "2026-04-01T23:00:00Z, OPEN",
    "2026-04-02T04:59:00Z, OPEN",
    "2026-04-02T05:00:00Z, CLOSED",
    // Easter Monday 2026-04-06 and Tuesday 2026-04-07, AEST (UTC+10)
    "2026-04-06T01:00:00Z, HOLIDAY",
    "2026-04-06T23:00:00Z, PRE_MARKET",
    "2026-04-06T23:59:00Z, PRE_MARKET",
    "2026-04-07T00:00:00Z, OPEN",
    "2026-04-07T05:59:00Z, OPEN",
    "2026-04-07T06:00:00Z, CLOSED",
    // Friday 2026-10-02, AEST
    "2026-10-01T23:59:00Z, PRE_MARKET",
    "2026-10-02T00:00:00Z, OPEN",
    "2026-10-02T05:59:00Z, OPEN",
    "2026-10-02T06:00:00Z, CLOSED",
    // Monday 2026-10-05, AEDT
    "2026-10-04T22:59:00Z, PRE_MARKET",
    "2026-10-04T23:00:00Z, OPEN",
    "2026-10-05T04:59:00Z, OPEN",
    "2026-10-05T05:00:00Z, CLOSED",
  })
  void asx_status_follows_sydney_time_across_dst_switches(String at, MarketState expected) {
    assertThat(asx.status(Instant.parse(at)).state()).isEqualTo(expected);
  }

  @Test
  void status_on_a_weekend_points_at_the_next_session() {
    // Saturday 2026-03-07 noon in New York; the next open is Monday after the DST switch.
    MarketStatus s = nyse.status(Instant.parse("2026-03-07T17:00:00Z"));
    assertThat(s.state()).isEqualTo(MarketState.WEEKEND);
    assertThat(s.date()).isEqualTo("2026-03-07");
    assertThat(s.tradingDay()).isFalse();
    assertThat(s.session()).isEmpty();
    assertThat(s.holiday()).isEmpty();
    assertThat(s.nextOpen()).isEqualTo("2026-03-09T13:30:00Z");
    assertThat(s.nextClose()).isEqualTo("2026-03-09T20:00:00Z");
  }

  @Test
  void status_on_a_holiday_names_it() {
    MarketStatus s = nyse.status(Instant.parse("2026-07-03T15:00:00Z"));
    assertThat(s.state()).isEqualTo(HOLIDAY);
    assertThat(s.holiday()).map(Holiday::name).contains("Independence Day (observed)");
    assertThat(s.earlyCloseDay()).isFalse();
    assertThat(s.nextOpen()).isEqualTo("2026-07-06T13:30:00Z");
  }

  @Test
  void early_close_status_at_1330_new_york_on_black_friday_is_closed() {
    // 2026-11-27 13:30 EST = 18:30 UTC; the session closed at 13:00.
    MarketStatus s = nyse.status(Instant.parse("2026-11-27T18:30:00Z"));
    assertThat(s.state()).isEqualTo(CLOSED);
    assertThat(s.earlyCloseDay()).isTrue();
    assertThat(s.session().orElseThrow().closeInstant()).isEqualTo("2026-11-27T18:00:00Z");
    assertThat(s.session().orElseThrow().note()).isEqualTo("Day after Thanksgiving");
    assertThat(s.nextOpen()).isEqualTo("2026-11-30T14:30:00Z");
    assertThat(nyse.status(Instant.parse("2026-11-27T17:59:00Z")).state()).isEqualTo(OPEN);
  }

  @Test
  void next_open_and_close_around_a_session() {
    MarketStatus before = nyse.status(Instant.parse("2026-03-10T12:00:00Z"));
    assertThat(before.state()).isEqualTo(PRE_MARKET);
    assertThat(before.nextOpen()).isEqualTo("2026-03-10T13:30:00Z");
    assertThat(before.nextClose()).isEqualTo("2026-03-10T20:00:00Z");
    MarketStatus during = nyse.status(Instant.parse("2026-03-10T15:00:00Z"));
    assertThat(during.isOpen()).isTrue();
    assertThat(during.nextOpen()).isEqualTo("2026-03-11T13:30:00Z");
    assertThat(during.nextClose()).isEqualTo("2026-03-10T20:00:00Z");
    MarketStatus after = nyse.status(Instant.parse("2026-03-10T20:00:00Z"));
    assertThat(after.state()).isEqualTo(CLOSED);
    assertThat(after.nextClose()).isEqualTo("2026-03-11T20:00:00Z");
  }

  @Test
  void asx_early_close_status_on_new_years_eve() {
    // 2026-12-31 14:09 AEDT = 03:09 UTC; closes at 14:10.
    MarketStatus open = asx.status(Instant.parse("2026-12-31T03:09:00Z"));
    assertThat(open.state()).isEqualTo(OPEN);
    assertThat(open.earlyCloseDay()).isTrue();
    assertThat(open.nextClose()).isEqualTo("2026-12-31T03:10:00Z");
    assertThat(asx.status(Instant.parse("2026-12-31T03:10:00Z")).state()).isEqualTo(CLOSED);
    assertThat(open.nextOpen()).isEqualTo("2027-01-03T23:00:00Z");
    assertThat(open.date()).isEqualTo(LocalDate.of(2026, 12, 31));
  }
}
