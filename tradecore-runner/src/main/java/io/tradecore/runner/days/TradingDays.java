package io.tradecore.runner.days;

import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Bar;
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
   * Whether a bar falls in its calendar's regular session: NYSE 09:30-16:00 New York, ASX
   * 10:00-16:00 Sydney, weekdays; CRYPTO_24_7 always. A date-only bar of daily data ({@code
   * dailyData}) is a whole session.
   */
  public static boolean inSession(Bar bar, String calendar, boolean dailyData) {
    ZonedDateTime utc = bar.time().atZone(ZoneOffset.UTC);
    if (dailyData && utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return true;
    }
    return switch (calendar) {
      case "NYSE" -> within(bar.time(), ZoneId.of("America/New_York"), 9, 30, 16);
      case "ASX" -> within(bar.time(), ZoneId.of("Australia/Sydney"), 10, 0, 16);
      default -> true;
    };
  }

  private static boolean within(
      Instant time, ZoneId zone, int openHour, int openMinute, int closeHour) {
    ZonedDateTime t = time.atZone(zone);
    int dow = t.getDayOfWeek().getValue();
    LocalTime lt = t.toLocalTime();
    return dow <= 5
        && !lt.isBefore(LocalTime.of(openHour, openMinute))
        && lt.isBefore(LocalTime.of(closeHour, 0));
  }
}
