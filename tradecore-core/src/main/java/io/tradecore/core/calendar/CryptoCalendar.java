package io.tradecore.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A market that never closes: every calendar day in its zone is a trading day whose session runs
 * from that day's start to the next day's start. Immutable and thread-safe.
 */
final class CryptoCalendar implements TradingCalendar {
  private final ZoneId zone;

  CryptoCalendar(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public String id() {
    return TradingCalendars.CRYPTO_24_7;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return true;
  }

  @Override
  public Optional<Session> session(LocalDate date) {
    ZonedDateTime start = date.atStartOfDay(zone);
    ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
    return Optional.of(new Session(date, start, end, false, ""));
  }

  @Override
  public Optional<Holiday> holiday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Optional.empty();
  }

  @Override
  public List<Holiday> holidays(int year) {
    return List.of();
  }

  @Override
  public List<Session> earlyCloses(int year) {
    return List.of();
  }

  @Override
  public String toString() {
    return id() + " (" + zone + ")";
  }
}
