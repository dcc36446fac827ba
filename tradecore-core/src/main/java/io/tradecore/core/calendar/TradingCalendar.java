package io.tradecore.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a market trades: its trading days, sessions, holidays and early closes, computed by rule for
 * any year plus one-off adjustments. Get one from {@link TradingCalendars}; implementations are
 * immutable and thread-safe.
 */
public sealed interface TradingCalendar permits ExchangeCalendar, CryptoCalendar {
  /** How far {@link #nextTradingDay} and {@link #previousTradingDay} look before giving up. */
  int MAX_SEARCH_DAYS = 3660;

  /** The calendar's id, e.g. {@code NYSE}. */
  String id();

  /** The zone in which the calendar's dates and session times are defined. */
  ZoneId zone();

  boolean isTradingDay(LocalDate date);

  /** The session of {@code date}, empty when the market does not trade that day. */
  Optional<Session> session(LocalDate date);

  /**
   * The holiday or one-off closure on {@code date}, empty on trading days and on weekends (a
   * holiday that falls on a weekend and is not observed on a weekday is not a closure).
   */
  Optional<Holiday> holiday(LocalDate date);

  /** The year's weekday closures in date order. */
  List<Holiday> holidays(int year);

  /** The year's early-close sessions in date order. */
  List<Session> earlyCloses(int year);

  /** The first trading day strictly after {@code date}. */
  default LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = d.plusDays(1);
      if (isTradingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException(id() + " has no trading day within 10 years after " + date);
  }

  /** The last trading day strictly before {@code date}. */
  default LocalDate previousTradingDay(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = d.minusDays(1);
      if (isTradingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException(id() + " has no trading day within 10 years before " + date);
  }

  /** The trading days from {@code first} to {@code last}, both inclusive, in order. */
  default List<LocalDate> tradingDays(LocalDate first, LocalDate last) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (isTradingDay(d)) {
        days.add(d);
      }
    }
    return List.copyOf(days);
  }

  /** The market's status at {@code at}. */
  default MarketStatus status(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, zone());
    Optional<Session> today = session(date);
    Optional<Holiday> holiday = holiday(date);
    MarketState state;
    if (today.isPresent()) {
      Session s = today.get();
      if (at.isBefore(s.openInstant())) {
        state = MarketState.PRE_MARKET;
      } else if (at.isBefore(s.closeInstant())) {
        state = MarketState.OPEN;
      } else {
        state = MarketState.CLOSED;
      }
    } else {
      state = holiday.isPresent() ? MarketState.HOLIDAY : MarketState.WEEKEND;
    }
    Session next = session(nextTradingDay(date)).orElseThrow();
    Instant nextOpen = today.filter(s -> at.isBefore(s.openInstant())).orElse(next).openInstant();
    Instant nextClose =
        today.filter(s -> at.isBefore(s.closeInstant())).orElse(next).closeInstant();
    return new MarketStatus(id(), at, state, date, today, holiday, nextOpen, nextClose);
  }
}
