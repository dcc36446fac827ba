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
    Instant plain = plainTime(text);
    if (plain != null) {
      return plain;
    }
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
    Instant plain = plainTime(text);
    if (plain != null) {
      return plain;
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

  /**
   * The common shapes read without a formatter: {@code yyyy-MM-dd}, and {@code yyyy-MM-ddTHH:mm:ss}
   * (or with a space for the T) alone or followed by {@code Z}, all in UTC; null for anything else
   * (or an invalid date or time), which the formatters then read or reject with their reason.
   */
  static Instant plainTime(String text) {
    int length = text.length();
    if (length != 10 && length != 19 && length != 20) {
      return null;
    }
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && !validDay(year, month, day)) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    if (length == 10) {
      return Instant.ofEpochSecond(epochDay * 86_400);
    }
    char t = text.charAt(10);
    if (t != 'T' && t != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    if (length == 20 && text.charAt(19) != 'Z') {
      return null;
    }
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second);
  }

  private static boolean validDay(int year, int month, int day) {
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /** The decimal number in text[from, to), or -1 unless every character is an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
