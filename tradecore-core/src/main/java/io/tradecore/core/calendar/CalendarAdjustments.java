package io.tradecore.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set of one-off calendar adjustments, at most one per calendar and date; immutable and
 * thread-safe.
 *
 * <p>The text format has one adjustment per line; blank lines and lines starting with {@code #} are
 * ignored, and the reason is optional:
 *
 * <pre>
 * NYSE 2025-01-09 CLOSED National Day of Mourning for President Jimmy Carter
 * NYSE 2026-11-27 EARLY_CLOSE 13:00 Day after Thanksgiving
 * </pre>
 */
public final class CalendarAdjustments {
  /** The classpath resource, next to this class, that {@link #bundled()} reads. */
  public static final String BUNDLED_RESOURCE = "adjustments.txt";

  private static final CalendarAdjustments EMPTY = new CalendarAdjustments(List.of());

  private final List<CalendarAdjustment> all;

  private CalendarAdjustments(List<CalendarAdjustment> all) {
    List<CalendarAdjustment> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparing(CalendarAdjustment::calendarId)
            .thenComparing(CalendarAdjustment::date));
    this.all = List.copyOf(sorted);
  }

  public static CalendarAdjustments empty() {
    return EMPTY;
  }

  /** The known one-off closures shipped with TradeCore (e.g. NYSE closed on 2025-01-09). */
  public static CalendarAdjustments bundled() {
    return Bundled.VALUE;
  }

  /** The adjustments in {@code adjustments}; two for the same calendar and date are refused. */
  public static CalendarAdjustments of(List<? extends CalendarAdjustment> adjustments) {
    Map<String, CalendarAdjustment> byKey = new LinkedHashMap<>();
    for (CalendarAdjustment a : adjustments) {
      CalendarAdjustment previous = byKey.put(key(a), a);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two adjustments for " + a.calendarId() + " on " + a.date());
      }
    }
    return new CalendarAdjustments(List.copyOf(byKey.values()));
  }

  /** Parses the text format; a bad line fails with its line number and the line itself. */
  public static CalendarAdjustments parse(Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    List<CalendarAdjustment> out = new ArrayList<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    int number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      CalendarAdjustment a = parseLine(number, text);
      Integer earlier = lineOf.putIfAbsent(key(a), number);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "line "
                + number
                + ": "
                + a.calendarId()
                + " "
                + a.date()
                + " is already adjusted on"
                + " line "
                + earlier);
      }
      out.add(a);
    }
    return new CalendarAdjustments(out);
  }

  /** {@link #parse(Reader)} over a string. */
  public static CalendarAdjustments parse(String text) {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** These adjustments, with {@code more}'s replacing any here for the same calendar and date. */
  public CalendarAdjustments plus(CalendarAdjustments more) {
    Map<String, CalendarAdjustment> byKey = new LinkedHashMap<>();
    for (CalendarAdjustment a : all) {
      byKey.put(key(a), a);
    }
    for (CalendarAdjustment a : more.all) {
      byKey.put(key(a), a);
    }
    return new CalendarAdjustments(List.copyOf(byKey.values()));
  }

  /** All adjustments, by calendar id then date. */
  public List<CalendarAdjustment> all() {
    return all;
  }

  /** The adjustments of one calendar, by date. */
  public List<CalendarAdjustment> forCalendar(String calendarId) {
    return all.stream().filter(a -> a.calendarId().equals(calendarId)).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalendarAdjustments other && all.equals(other.all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return "CalendarAdjustments" + all;
  }

  private static CalendarAdjustment parseLine(int number, String text) {
    String[] parts = text.split("\\s+", 4);
    if (parts.length < 3) {
      throw bad(number, text, "expected 'CALENDAR YYYY-MM-DD CLOSED|EARLY_CLOSE ...'");
    }
    String id = parts[0].toUpperCase(Locale.ROOT);
    LocalDate date;
    try {
      date = LocalDate.parse(parts[1]);
    } catch (DateTimeParseException e) {
      throw bad(number, text, "'" + parts[1] + "' is not a date YYYY-MM-DD");
    }
    String rest = parts.length > 3 ? parts[3] : "";
    switch (parts[2].toUpperCase(Locale.ROOT)) {
      case "CLOSED" -> {
        return new CalendarAdjustment.Closed(id, date, orDefault(rest, "Special closure"));
      }
      case "EARLY_CLOSE" -> {
        String[] timeAndReason = rest.split("\\s+", 2);
        LocalTime close;
        try {
          close = LocalTime.parse(timeAndReason[0]);
        } catch (DateTimeParseException e) {
          throw bad(number, text, "EARLY_CLOSE needs a close time HH:MM");
        }
        String reason = timeAndReason.length > 1 ? timeAndReason[1] : "";
        return new CalendarAdjustment.EarlyClose(
            id, date, close, orDefault(reason, "Special early close"));
      }
      default -> throw bad(number, text, "'" + parts[2] + "' is not CLOSED or EARLY_CLOSE");
    }
  }

  private static String orDefault(String reason, String fallback) {
    return reason.isBlank() ? fallback : reason.strip();
  }

  private static IllegalArgumentException bad(int number, String text, String why) {
    return new IllegalArgumentException("line " + number + ": " + why + ": " + text);
  }

  private static String key(CalendarAdjustment a) {
    return a.calendarId() + " " + a.date();
  }

  /** Lazily loaded bundled adjustments. */
  private static final class Bundled {
    static final CalendarAdjustments VALUE = load();

    private static CalendarAdjustments load() {
      try (InputStream in = CalendarAdjustments.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
      }
    }
  }
}
