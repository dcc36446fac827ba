package io.tradecore.core.calendar;

import static io.tradecore.core.calendar.HolidayDates.isWeekend;
import static io.tradecore.core.calendar.HolidayDates.nth;
import static java.time.DayOfWeek.MONDAY;
import static java.time.Month.JUNE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ASX cash market's recurring rules (national public holidays as the ASX trading calendar lists
 * them); stateless and thread-safe.
 *
 * <p>New Year's Day, Australia Day, Christmas Day and Boxing Day falling on a weekend move to the
 * next weekday not already a holiday (Christmas on a Saturday closes Monday 27 and Tuesday 28
 * December). Anzac Day on a weekend is not moved: the ASX traded on Monday 27 April 2015, Monday 26
 * April 2021 and Monday 27 April 2026, when only some states had a substitute day. Trading ends
 * early, at 14:10 Sydney time, on the last trading day before Christmas Day and on the last trading
 * day of the year ("Early Close at 14:10" in the ASX trading calendar; 14:10 is when the closing
 * single price auction runs on those days, where on a normal day continuous trading ends at 16:00
 * and the auction runs at about 16:10).
 */
final class AsxRules implements ExchangeRules {
  static final AsxRules INSTANCE = new AsxRules();
  private static final LocalTime EARLY_CLOSE = LocalTime.of(14, 10);

  private AsxRules() {}

  @Override
  public String id() {
    return TradingCalendars.ASX;
  }

  @Override
  public ZoneId zone() {
    return ZoneId.of("Australia/Sydney");
  }

  @Override
  public LocalTime open() {
    return LocalTime.of(10, 0);
  }

  @Override
  public LocalTime close() {
    return LocalTime.of(16, 0);
  }

  @Override
  public List<Holiday> holidays(int year) {
    List<Holiday> out = new ArrayList<>();
    LocalDate easter = HolidayDates.easterSunday(year);
    out.add(new Holiday(easter.minusDays(2), "Good Friday"));
    out.add(new Holiday(easter.plusDays(1), "Easter Monday"));
    LocalDate anzac = LocalDate.of(year, 4, 25);
    if (!isWeekend(anzac)) {
      out.add(new Holiday(anzac, "Anzac Day"));
    }
    String monarch = year >= 2023 ? "King's Birthday" : "Queen's Birthday";
    out.add(new Holiday(nth(2, MONDAY, year, JUNE), monarch));
    Set<LocalDate> taken = new HashSet<>();
    for (Holiday h : out) {
      taken.add(h.date());
    }
    mondayised(out, taken, LocalDate.of(year, 1, 1), "New Year's Day");
    mondayised(out, taken, LocalDate.of(year, 1, 26), "Australia Day");
    LocalDate christmas = LocalDate.of(year, 12, 25);
    LocalDate boxing = LocalDate.of(year, 12, 26);
    // Weekday holidays keep their dates first, so a weekend one moves past them.
    if (!isWeekend(boxing)) {
      mondayised(out, taken, boxing, "Boxing Day");
      mondayised(out, taken, christmas, "Christmas Day");
    } else {
      mondayised(out, taken, christmas, "Christmas Day");
      mondayised(out, taken, boxing, "Boxing Day");
    }
    out.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(out);
  }

  @Override
  public List<EarlyClose> earlyCloses(int year, Predicate<LocalDate> closed) {
    List<EarlyClose> out = new ArrayList<>();
    LocalDate beforeChristmas = lastTradingDayOnOrBefore(LocalDate.of(year, 12, 24), closed);
    LocalDate lastOfYear = lastTradingDayOnOrBefore(LocalDate.of(year, 12, 31), closed);
    out.add(new EarlyClose(beforeChristmas, EARLY_CLOSE, "Last trading day before Christmas"));
    if (!lastOfYear.equals(beforeChristmas)) {
      out.add(new EarlyClose(lastOfYear, EARLY_CLOSE, "Last trading day of the year"));
    }
    return List.copyOf(out);
  }

  private static LocalDate lastTradingDayOnOrBefore(LocalDate date, Predicate<LocalDate> closed) {
    LocalDate d = date;
    while (isWeekend(d) || closed.test(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  private static void mondayised(
      List<Holiday> out, Set<LocalDate> taken, LocalDate actual, String name) {
    LocalDate d = actual;
    while (isWeekend(d) || taken.contains(d)) {
      d = d.plusDays(1);
    }
    taken.add(d);
    out.add(new Holiday(d, d.equals(actual) ? name : name + " (observed)"));
  }
}
