package io.tradecore.app.cli;

import io.tradecore.app.output.Json;
import io.tradecore.core.calendar.Holiday;
import io.tradecore.core.calendar.MarketStatus;
import io.tradecore.core.calendar.Session;
import io.tradecore.core.calendar.TradingCalendar;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore calendar status}: whether a market is open at an instant, and what is next. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a market's status at an instant (default: now): PRE_MARKET, OPEN, CLOSED, HOLIDAY or"
          + " WEEKEND, whether the day closes early, and the next open and close."
    })
public final class CalendarStatusCommand implements Callable<Integer> {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss EEE", java.util.Locale.ENGLISH);

  private final Clock clock;

  @Spec private CommandSpec spec;

  @Option(
      names = "--calendar",
      required = true,
      paramLabel = "ID",
      description = "NYSE, ASX or CRYPTO_24_7.")
  private String calendarId;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "2026-11-27T18:30:00Z or 2026-11-27T13:30:00-05:00 (default: now).")
  private String at;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  public CalendarStatusCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    TradingCalendar calendar = CalendarCommand.calendar(spec, calendarId);
    Instant instant = at == null ? clock.instant() : instant(at);
    MarketStatus status = calendar.status(instant);
    ZoneId zone = calendar.zone();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(json(status, zone)));
    } else {
      out.printf("%s at %s%n", status.calendarId(), status.at());
      line(out, "state", status.state().name());
      line(
          out,
          "local time",
          LOCAL.format(status.at().atZone(zone)) + " " + CalendarCommand.zoneName(zone));
      line(out, "session", status.session().map(CalendarStatusCommand::hours).orElse("none"));
      line(
          out,
          "early close",
          status.earlyCloseDay() ? "yes: " + status.session().map(Session::note).orElse("") : "no");
      line(out, "holiday", status.holiday().map(Holiday::name).orElse("none"));
      line(out, "next open", when(status.nextOpen(), zone));
      line(out, "next close", when(status.nextClose(), zone));
    }
    out.flush();
    return 0;
  }

  /** An ISO instant, or a date-time with an offset (and optionally a zone in brackets). */
  private Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      try {
        return ZonedDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--at '"
                + value
                + "' is not an instant; use e.g. 2026-11-27T18:30:00Z or"
                + " 2026-11-27T13:30:00-05:00");
      }
    }
  }

  private static Map<String, Object> json(MarketStatus s, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calendar", s.calendarId());
    m.put("at", s.at().toString());
    m.put("zone", CalendarCommand.zoneName(zone));
    m.put("state", s.state().name());
    m.put("local_date", s.date().toString());
    m.put("local_time", s.at().atZone(zone).toLocalTime().toString());
    m.put("weekday", s.date().getDayOfWeek().name());
    m.put("trading_day", s.tradingDay());
    m.put("early_close_day", s.earlyCloseDay());
    m.put("session", s.session().map(CalendarStatusCommand::session).orElse(null));
    m.put("holiday", s.holiday().map(Holiday::name).orElse(null));
    m.put("next_open", s.nextOpen().toString());
    m.put("next_open_local", s.nextOpen().atZone(zone).toOffsetDateTime().toString());
    m.put("next_close", s.nextClose().toString());
    m.put("next_close_local", s.nextClose().atZone(zone).toOffsetDateTime().toString());
    return m;
  }

  private static Map<String, Object> session(Session s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("open", s.open().toOffsetDateTime().toString());
    m.put("close", s.close().toOffsetDateTime().toString());
    m.put("early_close", s.earlyClose());
    m.put("note", s.note());
    return m;
  }

  private static String hours(Session s) {
    boolean toMidnight = s.close().toLocalDate().isAfter(s.open().toLocalDate());
    return s.open().toLocalTime() + "-" + (toMidnight ? "24:00" : s.close().toLocalTime());
  }

  private static String when(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone))
        + " "
        + CalendarCommand.zoneName(zone)
        + " ("
        + instant
        + ")";
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf("  %-12s %s%n", label, value);
  }
}
