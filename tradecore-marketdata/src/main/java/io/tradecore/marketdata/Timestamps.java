package io.tradecore.marketdata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** Parses the time column of each {@link CsvFormat} into the bar's open time. */
final class Timestamps {
  // Epoch seconds below 1e11 reach the year 5138; millis from 1e11 start in 1973.
  private static final long MILLIS_FROM = 100_000_000_000L;
  // Binance switched spot klines to microseconds in 2025; 1e14 millis would be the year 5138.
  private static final long MICROS_FROM = 100_000_000_000_000L;

  // The longest ISO time with a zone id, "2024-01-02T09:30:00.123456789-05:00[America/New_York]".
  private static final int MAX_TIME = 64;

  private Timestamps() {}

  static Instant parse(CsvFormat format, String text) throws RowProblem {
    if (text.length() > MAX_TIME) {
      throw new RowProblem(
          "the time has " + text.length() + " characters (a time has at most " + MAX_TIME + ")");
    }
    return switch (format) {
      case YAHOO -> date("date", text);
      case GENERIC -> generic(text);
      case BINANCE -> binance(text);
    };
  }

  private static Instant date(String name, String text) throws RowProblem {
    requireText(name, text);
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      throw new RowProblem(name + " '" + text + "' is not a yyyy-MM-dd date");
    }
  }

  private static Instant generic(String text) throws RowProblem {
    requireText("timestamp", text);
    if (isDigits(text)) {
      long value = epoch("timestamp", text);
      return value < MILLIS_FROM ? Instant.ofEpochSecond(value) : epochMillisOrMicros(value);
    }
    if (text.length() == 10) {
      return date("timestamp", text);
    }
    // Spreadsheets often write "2024-01-02 09:30:00"; ISO wants a T there.
    String iso =
        text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + 'T' + text.substring(11)
            : text;
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new RowProblem(
          "timestamp '"
              + text
              + "' is not an ISO-8601 instant, date-time or date, nor epoch seconds or millis");
    }
  }

  private static Instant binance(String text) throws RowProblem {
    requireText("open_time", text);
    if (!isDigits(text)) {
      throw new RowProblem("open_time '" + text + "' is not epoch milliseconds");
    }
    return epochMillisOrMicros(epoch("open_time", text));
  }

  private static Instant epochMillisOrMicros(long value) {
    return value < MICROS_FROM
        ? Instant.ofEpochMilli(value)
        : Instant.ofEpochSecond(value / 1_000_000, value % 1_000_000 * 1_000);
  }

  private static long epoch(String name, String text) throws RowProblem {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new RowProblem(name + " '" + text + "' is too large for an epoch time");
    }
  }

  private static void requireText(String name, String text) throws RowProblem {
    if (text.isEmpty()) {
      throw new RowProblem(name + " is empty");
    }
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
