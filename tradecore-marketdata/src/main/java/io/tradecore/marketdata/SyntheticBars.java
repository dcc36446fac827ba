package io.tradecore.marketdata;

import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Decimals;
import io.tradecore.core.domain.Instrument;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Seeded geometric random walks of OHLCV bars for tests and benchmarks; the same seed always gives
 * the same bars.
 */
public final class SyntheticBars {
  private static final double ANNUAL_VOLATILITY = 0.30;
  private static final double ANNUAL_DRIFT = 0.05;
  private static final double TRADING_DAYS_PER_YEAR = 252;
  private static final double SECONDS_PER_YEAR = 365.25 * 86_400;
  private static final double GAP_PROBABILITY = 0.05;
  private static final double MEAN_VOLUME = 1_000_000;
  // The walk reflects off these bounds around the start price so prices stay positive and fit
  // in a long however many bars are drawn.
  private static final double MAX_FACTOR = 10_000;

  private SyntheticBars() {}

  /**
   * {@code days} daily bars on consecutive Monday-to-Friday dates from {@code start} (or the next
   * weekday), each timed at 00:00 UTC.
   */
  public static BarSeries generate(
      Instrument instrument, LocalDate start, int days, long seed, double startPrice) {
    Objects.requireNonNull(start, "start");
    if (days < 0) {
      throw new IllegalArgumentException("days must be >= 0 but was " + days);
    }
    LocalDate first = start;
    while (isWeekend(first)) {
      first = first.plusDays(1);
    }
    return daily(instrument, first, days, seed, startPrice, SyntheticBars::nextWeekday);
  }

  /**
   * {@code days} daily bars on the trading days of {@code calendar} from {@code start} (or the next
   * trading day), each timed at 00:00 UTC: none on a weekend or a holiday of the calendar. The same
   * seed gives the same walk as {@link #generate(Instrument, LocalDate, int, long, double)}, dated
   * by the calendar.
   */
  public static BarSeries generate(
      Instrument instrument,
      TradingCalendar calendar,
      LocalDate start,
      int days,
      long seed,
      double startPrice) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(start, "start");
    LocalDate first = calendar.isTradingDay(start) ? start : calendar.nextTradingDay(start);
    return daily(instrument, first, days, seed, startPrice, calendar::nextTradingDay);
  }

  /** Daily bars at 00:00 UTC from {@code first}, each on the day {@code next} gives after. */
  private static BarSeries daily(
      Instrument instrument,
      LocalDate first,
      int days,
      long seed,
      double startPrice,
      UnaryOperator<LocalDate> next) {
    return walk(
        instrument,
        days,
        seed,
        startPrice,
        1 / TRADING_DAYS_PER_YEAR,
        midnight(first),
        time -> midnight(next.apply(LocalDate.ofInstant(time, ZoneOffset.UTC))));
  }

  private static Instant midnight(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * {@code n} bars at {@code start}, {@code start + step}, ... with no calendar gaps, for
   * benchmarks.
   */
  public static BarSeries generateSeries(
      Instrument instrument, Instant start, Duration step, int n, long seed, double startPrice) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive but was " + step);
    }
    double stepYears = (step.getSeconds() + step.getNano() / 1e9) / SECONDS_PER_YEAR;
    return walk(instrument, n, seed, startPrice, stepYears, start, time -> time.plus(step));
  }

  private static BarSeries walk(
      Instrument instrument,
      int n,
      long seed,
      double startPrice,
      double stepYears,
      Instant first,
      UnaryOperator<Instant> next) {
    Objects.requireNonNull(instrument, "instrument");
    if (n < 0) {
      throw new IllegalArgumentException("bar count must be >= 0 but was " + n);
    }
    double unit = Decimals.pow10(instrument.priceScale());
    if (!(startPrice * unit >= 1) || startPrice * MAX_FACTOR * unit * 2 >= Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          "startPrice must be at least one tick and below "
              + Long.MAX_VALUE / unit / MAX_FACTOR / 2
              + " but was "
              + startPrice);
    }
    // java.util.Random and StrictMath are specified bit for bit, so a seed gives the same bars on
    // every JVM and machine.
    Random random = new Random(seed);
    double sigma = ANNUAL_VOLATILITY * StrictMath.sqrt(stepYears);
    double drift = (ANNUAL_DRIFT - ANNUAL_VOLATILITY * ANNUAL_VOLATILITY / 2) * stepYears;
    double logFloor = StrictMath.log(startPrice / MAX_FACTOR);
    double logCeiling = StrictMath.log(startPrice * MAX_FACTOR);
    double logClose = StrictMath.log(startPrice);
    List<Bar> bars = new ArrayList<>(n);
    Instant time = first;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        time = next.apply(time);
      }
      boolean gap = random.nextDouble() < GAP_PROBABILITY;
      double logOpen =
          reflect(logClose + random.nextGaussian() * sigma * (gap ? 1 : 0.1), logFloor, logCeiling);
      logClose = reflect(logOpen + drift + random.nextGaussian() * sigma, logFloor, logCeiling);
      long open = units(logOpen, unit);
      long close = units(logClose, unit);
      long high =
          Math.max(
              Math.max(open, close),
              units(
                  Math.max(logOpen, logClose) + Math.abs(random.nextGaussian()) * sigma / 2, unit));
      long low =
          Math.min(
              Math.min(open, close),
              units(
                  Math.min(logOpen, logClose) - Math.abs(random.nextGaussian()) * sigma / 2, unit));
      double volume =
          Math.max(1, Math.rint(MEAN_VOLUME * StrictMath.exp(0.3 * random.nextGaussian())));
      bars.add(new Bar(instrument, time, open, high, low, close, volume));
    }
    return new BarSeries(instrument, bars, "synthetic seed " + seed);
  }

  private static LocalDate nextWeekday(LocalDate previous) {
    LocalDate day = previous.plusDays(1);
    while (isWeekend(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Folds a log price back inside the bounds, like a ball off a wall. */
  private static double reflect(double logPrice, double floor, double ceiling) {
    if (logPrice > ceiling) {
      return Math.max(floor, 2 * ceiling - logPrice);
    }
    if (logPrice < floor) {
      return Math.min(ceiling, 2 * floor - logPrice);
    }
    return logPrice;
  }

  /** The price at {@code logPrice} rounded to whole ticks, never below one tick. */
  private static long units(double logPrice, double unit) {
    return Math.max(1, Math.round(StrictMath.exp(logPrice) * unit));
  }
}
