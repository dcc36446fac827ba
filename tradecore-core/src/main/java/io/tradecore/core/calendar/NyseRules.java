package io.tradecore.core.calendar;

import static io.tradecore.core.calendar.HolidayDates.isWeekend;
import static io.tradecore.core.calendar.HolidayDates.last;
import static io.tradecore.core.calendar.HolidayDates.nth;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.SEPTEMBER;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The New York Stock Exchange's recurring rules, as in NYSE Rule 7.2 and the exchange's annual
 * holiday and early-closing announcements; stateless and thread-safe.
 *
 * <p>A holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after,
 * except New Year's Day on a Saturday, which is not observed at all (Rule 7.2: the Friday ends a
 * yearly accounting period; e.g. no closure on 2021-12-31 or 2027-12-31). The market closes at
 * 13:00 on July 3, on the day after Thanksgiving and on December 24 when those days trade. This
 * matches the published calendars: in 2026 July 3 is the observed Independence Day, and in 2027
 * (July 4 on a Sunday, observed Monday July 5) NYSE lists no early close on Friday July 2, nor on
 * Friday December 24, the observed Christmas.
 */
final class NyseRules implements ExchangeRules {
  static final NyseRules INSTANCE = new NyseRules();
  private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

  private NyseRules() {}

  @Override
  public String id() {
    return TradingCalendars.NYSE;
  }

  @Override
  public ZoneId zone() {
    return ZoneId.of("America/New_York");
  }

  @Override
  public LocalTime open() {
    return LocalTime.of(9, 30);
  }

  @Override
  public LocalTime close() {
    return LocalTime.of(16, 0);
  }

  @Override
  public List<Holiday> holidays(int year) {
    List<Holiday> out = new ArrayList<>();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
      observed(out, newYear, "New Year's Day");
    }
    if (year >= 1998) {
      out.add(new Holiday(nth(3, MONDAY, year, JANUARY), "Martin Luther King, Jr. Day"));
    }
    out.add(new Holiday(nth(3, MONDAY, year, FEBRUARY), "Washington's Birthday"));
    out.add(new Holiday(HolidayDates.easterSunday(year).minusDays(2), "Good Friday"));
    out.add(new Holiday(last(MONDAY, year, MAY), "Memorial Day"));
    if (year >= 2022) {
      observed(out, LocalDate.of(year, 6, 19), "Juneteenth National Independence Day");
    }
    observed(out, LocalDate.of(year, 7, 4), "Independence Day");
    out.add(new Holiday(nth(1, MONDAY, year, SEPTEMBER), "Labor Day"));
    out.add(new Holiday(thanksgiving(year), "Thanksgiving Day"));
    observed(out, LocalDate.of(year, 12, 25), "Christmas Day");
    out.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(out);
  }

  @Override
  public List<EarlyClose> earlyCloses(int year, Predicate<LocalDate> closed) {
    List<EarlyClose> out = new ArrayList<>();
    add(out, closed, LocalDate.of(year, 7, 3), "Day before Independence Day");
    add(out, closed, thanksgiving(year).plusDays(1), "Day after Thanksgiving");
    add(out, closed, LocalDate.of(year, 12, 24), "Christmas Eve");
    return List.copyOf(out);
  }

  private static LocalDate thanksgiving(int year) {
    return nth(4, THURSDAY, year, NOVEMBER);
  }

  private static void observed(List<Holiday> out, LocalDate actual, String name) {
    switch (actual.getDayOfWeek()) {
      case SATURDAY -> out.add(new Holiday(actual.minusDays(1), name + " (observed)"));
      case SUNDAY -> out.add(new Holiday(actual.plusDays(1), name + " (observed)"));
      default -> out.add(new Holiday(actual, name));
    }
  }

  private static void add(
      List<EarlyClose> out, Predicate<LocalDate> closed, LocalDate date, String reason) {
    if (!isWeekend(date) && !closed.test(date)) {
      out.add(new EarlyClose(date, EARLY_CLOSE, reason));
    }
  }
}
