package io.tradecore.core.calendar;

import io.tradecore.core.domain.Bar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The trading day and session a bar belongs to in its market's calendar: a session's date in the
 * exchange's zone (an ASX bar at 10:30 Sydney is that Sydney date, not the UTC date before it).
 * Daily data carries a date and no time (every bar at 00:00 UTC): with {@code dailyData} such a bar
 * is its own date and a whole session. Immutable and thread-safe.
 */
public record MarketDays(TradingCalendar calendar, boolean dailyData) {
  /** Calendar days in UTC, each a session: what a venue assumes when it is told nothing. */
  public static final MarketDays UTC =
      new MarketDays(TradingCalendars.crypto(ZoneOffset.UTC), true);

  public MarketDays {
    Objects.requireNonNull(calendar, "calendar");
  }

  /** The trading day of an event at {@code time}. */
  public LocalDate dayOf(Instant time) {
    if (dateOnly(time)) {
      return time.atOffset(ZoneOffset.UTC).toLocalDate();
    }
    return time.atZone(calendar.zone()).toLocalDate();
  }

  public LocalDate dayOf(Bar bar) {
    return dayOf(bar.time());
  }

  /** Whether the bar falls inside its day's regular session (early closes and holidays known). */
  public boolean inSession(Bar bar) {
    Instant time = bar.time();
    if (dateOnly(time)) {
      return true;
    }
    return calendar.session(dayOf(time)).map(s -> s.contains(time)).orElse(false);
  }

  private boolean dateOnly(Instant time) {
    return dailyData && time.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
  }
}
