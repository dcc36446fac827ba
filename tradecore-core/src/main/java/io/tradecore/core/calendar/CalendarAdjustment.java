package io.tradecore.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A one-off change to a calendar's rules on one date (a closure, or an early close); immutable and
 * thread-safe.
 */
public sealed interface CalendarAdjustment {
  String calendarId();

  LocalDate date();

  String reason();

  /** The market does not trade on {@code date}. */
  record Closed(String calendarId, LocalDate date, String reason) implements CalendarAdjustment {
    public Closed {
      check(calendarId, date, reason);
    }
  }

  /** The market closes at {@code close} (local time) on {@code date}. */
  record EarlyClose(String calendarId, LocalDate date, LocalTime close, String reason)
      implements CalendarAdjustment {
    public EarlyClose {
      check(calendarId, date, reason);
      Objects.requireNonNull(close, "close");
    }
  }

  private static void check(String calendarId, LocalDate date, String reason) {
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
    if (calendarId.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("adjustment on " + date + " needs a calendar and reason");
    }
  }
}
