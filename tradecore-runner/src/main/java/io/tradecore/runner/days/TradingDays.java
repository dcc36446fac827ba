package io.tradecore.runner.days;

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

  public static LocalDate dayOf(Bar bar, ZoneId zone) {
    return dayOf(bar.time(), zone);
  }

  public static LocalDate dayOf(Instant time, ZoneId zone) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    if (utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return utc.toLocalDate();
    }
    return time.atZone(zone).toLocalDate();
  }

  /**
   * Whether a bar falls in its calendar's regular session: NYSE 09:30-16:00 New York, ASX
   * 10:00-16:00 Sydney, weekdays; CRYPTO_24_7 always. A date-only (daily) bar is a whole session.
   */
  public static boolean inSession(Bar bar, String calendar) {
    ZonedDateTime utc = bar.time().atZone(ZoneOffset.UTC);
    if (utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
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
