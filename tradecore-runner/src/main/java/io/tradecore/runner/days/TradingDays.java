package io.tradecore.runner.days;

import io.tradecore.core.calendar.MarketDays;
import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.calendar.TradingCalendars;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The trading day a price event belongs to, in the portfolio's time zone. Daily data carries a date
 * and no time (bars at 00:00 UTC); such a bar belongs to its own date whatever the zone, otherwise
 * a New York portfolio would file Monday's bar under Sunday.
 */
public final class TradingDays {
  private TradingDays() {}

  /**
   * The zone whose dates name a portfolio's trading days: the exchange's (a NYSE session is the New
   * York date it trades on, whatever the reporting zone), or the reporting zone for a market open
   * round the clock, whose days run midnight to midnight there.
   */
  public static ZoneId marketZone(String calendar, ZoneId reportingZone) {
    return calendar.equals(TradingCalendars.CRYPTO_24_7)
        ? reportingZone
        : TradingCalendars.of(calendar).zone();
  }

  public static LocalDate dayOf(Instant time, ZoneId zone) {
    return dayOf(time, zone, true);
  }

  /**
   * As {@link #dayOf(Instant, ZoneId)}, knowing whether the data may be daily: with {@code
   * dailyData} false (an intraday feed) a time at 00:00 UTC is a moment like any other. Stored
   * times (fills, refusals) are filed by the two-argument form.
   */
  public static LocalDate dayOf(Instant time, ZoneId zone, boolean dailyData) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    if (dailyData && utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return utc.toLocalDate();
    }
    return time.atZone(zone).toLocalDate();
  }

  /**
   * The trading days and sessions of a portfolio's market: the exchange's calendar, or for a market
   * open round the clock, calendar days in the reporting zone.
   */
  public static MarketDays marketDays(String calendar, ZoneId reportingZone, boolean dailyData) {
    TradingCalendar days =
        calendar.equals(TradingCalendars.CRYPTO_24_7)
            ? TradingCalendars.crypto(reportingZone)
            : TradingCalendars.of(calendar);
    return new MarketDays(days, dailyData);
  }
}
