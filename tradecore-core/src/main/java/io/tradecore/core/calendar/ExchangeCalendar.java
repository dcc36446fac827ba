package io.tradecore.core.calendar;

import static io.tradecore.core.calendar.HolidayDates.isWeekend;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An exchange calendar: Monday-to-Friday sessions, minus the rules' holidays, with the rules' early
 * closes, then the one-off adjustments on top. Immutable and thread-safe (years are computed on
 * first use and cached).
 */
final class ExchangeCalendar implements TradingCalendar {
  private final ExchangeRules rules;
  private final List<CalendarAdjustment> adjustments;
  private final ConcurrentMap<Integer, Year> years = new ConcurrentHashMap<>();

  /** A year's closures and early-close sessions. */
  private record Year(Map<LocalDate, Holiday> holidays, Map<LocalDate, Session> earlyCloses) {}

  ExchangeCalendar(ExchangeRules rules, List<CalendarAdjustment> adjustments) {
    this.rules = rules;
    this.adjustments = List.copyOf(adjustments);
    for (CalendarAdjustment a : this.adjustments) {
      validate(a);
    }
  }

  @Override
  public String id() {
    return rules.id();
  }

  @Override
  public ZoneId zone() {
    return rules.zone();
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    return !isWeekend(date) && !year(date.getYear()).holidays().containsKey(date);
  }

  @Override
  public Optional<Session> session(LocalDate date) {
    if (!isTradingDay(date)) {
      return Optional.empty();
    }
    Session early = year(date.getYear()).earlyCloses().get(date);
    return Optional.of(
        early != null ? early : Session.of(date, zone(), rules.open(), rules.close(), false, ""));
  }

  @Override
  public Optional<Holiday> holiday(LocalDate date) {
    return Optional.ofNullable(year(date.getYear()).holidays().get(date));
  }

  @Override
  public List<Holiday> holidays(int year) {
    return List.copyOf(year(year).holidays().values());
  }

  @Override
  public List<Session> earlyCloses(int year) {
    return List.copyOf(year(year).earlyCloses().values());
  }

  @Override
  public String toString() {
    return id() + " (" + zone() + ", " + rules.open() + "-" + rules.close() + ")";
  }

  private Year year(int year) {
    return years.computeIfAbsent(year, this::compute);
  }

  private Year compute(int year) {
    NavigableMap<LocalDate, Holiday> holidays = new TreeMap<>();
    for (Holiday h : ruleHolidays(year)) {
      holidays.put(h.date(), h);
    }
    for (CalendarAdjustment a : adjustments) {
      if (a instanceof CalendarAdjustment.Closed c && c.date().getYear() == year) {
        holidays.put(c.date(), new Holiday(c.date(), c.reason()));
      }
    }
    NavigableMap<LocalDate, Session> early = new TreeMap<>();
    for (EarlyClose e : rules.earlyCloses(year, holidays::containsKey)) {
      early.put(e.date(), earlySession(e.date(), e.close(), e.reason()));
    }
    for (CalendarAdjustment a : adjustments) {
      if (a instanceof CalendarAdjustment.EarlyClose e && e.date().getYear() == year) {
        early.put(e.date(), earlySession(e.date(), e.close(), e.reason()));
      }
    }
    return new Year(
        Collections.unmodifiableNavigableMap(holidays),
        Collections.unmodifiableNavigableMap(early));
  }

  /** The rules' closures dated in {@code year}, including any a neighbouring year observes. */
  private List<Holiday> ruleHolidays(int year) {
    List<Holiday> out = new ArrayList<>();
    for (int y = year - 1; y <= year + 1; y++) {
      for (Holiday h : rules.holidays(y)) {
        if (h.date().getYear() == year) {
          out.add(h);
        }
      }
    }
    return out;
  }

  private Session earlySession(LocalDate date, LocalTime close, String reason) {
    return Session.of(date, zone(), rules.open(), close, true, reason);
  }

  private void validate(CalendarAdjustment a) {
    String where = a.calendarId() + " " + a.date() + ": ";
    if (!a.calendarId().equals(id())) {
      throw new IllegalArgumentException(where + "adjustment is not for " + id());
    }
    if (isWeekend(a.date())) {
      throw new IllegalArgumentException(
          where + "is a " + a.date().getDayOfWeek() + ", never a trading day");
    }
    if (a instanceof CalendarAdjustment.EarlyClose e) {
      if (!e.close().isAfter(rules.open()) || !e.close().isBefore(rules.close())) {
        throw new IllegalArgumentException(
            String.format(
                "%searly close %s is not inside the session %s-%s",
                where, e.close(), rules.open(), rules.close()));
      }
      boolean ruleHoliday =
          ruleHolidays(e.date().getYear()).stream().anyMatch(h -> h.date().equals(e.date()));
      if (ruleHoliday) {
        throw new IllegalArgumentException(where + "cannot close early on a holiday");
      }
    }
  }
}
