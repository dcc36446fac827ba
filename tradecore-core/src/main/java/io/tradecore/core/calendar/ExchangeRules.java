package io.tradecore.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

/** The recurring rules of one exchange; implementations are stateless and thread-safe. */
interface ExchangeRules {
  String id();

  ZoneId zone();

  LocalTime open();

  LocalTime close();

  /** The year's rule-based weekday closures, at their observed dates, in date order. */
  List<Holiday> holidays(int year);

  /**
   * The year's rule-based early closes; {@code closed} tells whether a weekday is closed (by rule
   * or by a one-off adjustment), since the rules only shorten days that trade.
   */
  List<EarlyClose> earlyCloses(int year, Predicate<LocalDate> closed);
}
