package io.tradecore.core.calendar;

import java.io.IOException;
import java.io.Reader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The known trading calendars by id, built from their rules plus a set of one-off adjustments;
 * immutable and thread-safe.
 *
 * <p>{@link #of(String)} serves the standard calendars (rules plus {@link
 * CalendarAdjustments#bundled()}); {@link #withAdjustments(Reader)} adds closures from data without
 * code.
 */
public final class TradingCalendars {
  /**
   * Always open; each calendar day (UTC unless built with {@link #crypto(ZoneId)}) is a session.
   */
  public static final String CRYPTO_24_7 = "CRYPTO_24_7";

  /** New York Stock Exchange, 09:30-16:00 America/New_York. */
  public static final String NYSE = "NYSE";

  /** ASX cash market, 10:00-16:00 Australia/Sydney. */
  public static final String ASX = "ASX";

  private static final List<String> IDS = List.of(ASX, CRYPTO_24_7, NYSE);

  private final CalendarAdjustments adjustments;
  private final Map<String, TradingCalendar> calendars;

  private TradingCalendars(CalendarAdjustments adjustments) {
    this.adjustments = adjustments;
    for (CalendarAdjustment a : adjustments.all()) {
      if (a.calendarId().equals(CRYPTO_24_7)) {
        throw new IllegalArgumentException(
            CRYPTO_24_7 + " is always open and takes no adjustments: " + a);
      }
      if (!IDS.contains(a.calendarId())) {
        throw unknown(a.calendarId());
      }
    }
    this.calendars =
        Map.of(
            CRYPTO_24_7,
            new CryptoCalendar(ZoneOffset.UTC),
            NYSE,
            new ExchangeCalendar(NyseRules.INSTANCE, adjustments.forCalendar(NYSE)),
            ASX,
            new ExchangeCalendar(AsxRules.INSTANCE, adjustments.forCalendar(ASX)));
  }

  /** The calendars with their rules and the bundled adjustments. */
  public static TradingCalendars standard() {
    return Standard.VALUE;
  }

  /** The calendars with their rules only, without even the bundled adjustments. */
  public static TradingCalendars rulesOnly() {
    return new TradingCalendars(CalendarAdjustments.empty());
  }

  /** The standard calendar {@code id} (case-insensitive). */
  public static TradingCalendar of(String id) {
    return standard().get(id);
  }

  /** The standard calendars plus the adjustments read from {@code reader} (text format). */
  public static TradingCalendars withAdjustments(Reader reader) throws IOException {
    return standard().plus(CalendarAdjustments.parse(reader));
  }

  /** The 24/7 calendar whose days (and sessions) are calendar days in {@code zone}. */
  public static TradingCalendar crypto(ZoneId zone) {
    return new CryptoCalendar(zone);
  }

  /** The known calendar ids, sorted. */
  public static List<String> ids() {
    return IDS;
  }

  /**
   * These calendars with {@code more} adjustments, which replace any for the same calendar and
   * date; an adjustment for an unknown calendar, on a weekend, or with an early close outside the
   * session is refused.
   */
  public TradingCalendars plus(CalendarAdjustments more) {
    return new TradingCalendars(adjustments.plus(more));
  }

  /** The calendar {@code id} (case-insensitive); an unknown id fails naming the known ones. */
  public TradingCalendar get(String id) {
    Objects.requireNonNull(id, "id");
    TradingCalendar calendar = calendars.get(id.strip().toUpperCase(Locale.ROOT));
    if (calendar == null) {
      throw unknown(id);
    }
    return calendar;
  }

  public CalendarAdjustments adjustments() {
    return adjustments;
  }

  private static IllegalArgumentException unknown(String id) {
    return new IllegalArgumentException(
        "unknown trading calendar '" + id + "'; known: " + String.join(", ", IDS));
  }

  /** Lazily built standard calendars. */
  private static final class Standard {
    static final TradingCalendars VALUE = new TradingCalendars(CalendarAdjustments.bundled());
  }
}
