package io.tradecore.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One trading session: the half-open interval [open, close) of a trading day, in the market's zone;
 * {@code note} says why an early close is early and is empty otherwise. Immutable and thread-safe.
 */
public record Session(
    LocalDate date, ZonedDateTime open, ZonedDateTime close, boolean earlyClose, String note) {
  public Session {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(note, "note");
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException("session on " + date + " closes before it opens");
    }
  }

  static Session of(
      LocalDate date,
      ZoneId zone,
      LocalTime open,
      LocalTime close,
      boolean earlyClose,
      String note) {
    return new Session(
        date,
        ZonedDateTime.of(date, open, zone),
        ZonedDateTime.of(date, close, zone),
        earlyClose,
        note);
  }

  public Instant openInstant() {
    return open.toInstant();
  }

  public Instant closeInstant() {
    return close.toInstant();
  }

  /** Whether {@code at} falls inside the session (the close itself is outside). */
  public boolean contains(Instant at) {
    return !at.isBefore(openInstant()) && at.isBefore(closeInstant());
  }

  public Duration length() {
    return Duration.between(open, close);
  }
}
