package io.tradecore.app.cli;

import io.tradecore.app.output.Json;
import io.tradecore.core.calendar.Holiday;
import io.tradecore.core.calendar.Session;
import io.tradecore.core.calendar.TradingCalendar;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore calendar show}: a calendar's holidays and early closes in one year. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "List a year's holidays (weekday closures) and early closes of a calendar.")
public final class CalendarShowCommand implements Callable<Integer> {
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2200;

  @Spec private CommandSpec spec;

  @Option(
      names = "--calendar",
      required = true,
      paramLabel = "ID",
      description = "NYSE, ASX or CRYPTO_24_7.")
  private String calendarId;

  @Option(names = "--year", required = true, paramLabel = "YYYY", description = "1900-2200.")
  private int year;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Override
  public Integer call() {
    TradingCalendar calendar = CalendarCommand.calendar(spec, calendarId);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new ParameterException(
          spec.commandLine(),
          "--year " + year + " is out of range; use " + FIRST_YEAR + " to " + LAST_YEAR);
    }
    List<Holiday> holidays = calendar.holidays(year);
    List<Session> early = calendar.earlyCloses(year);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(json(calendar, holidays, early)));
    } else {
      out.printf("%s %d (%s)%n", calendar.id(), year, CalendarCommand.zoneName(calendar.zone()));
      out.printf("holidays: %d%n", holidays.size());
      for (Holiday h : holidays) {
        out.printf("  %s  %s  %s%n", h.date(), weekday(h.date()), h.name());
      }
      out.printf("early closes: %d%n", early.size());
      for (Session s : early) {
        out.printf(
            "  %s  %s  closes %s  %s%n",
            s.date(), weekday(s.date()), s.close().toLocalTime(), s.note());
      }
    }
    out.flush();
    return 0;
  }

  private Map<String, Object> json(
      TradingCalendar calendar, List<Holiday> holidays, List<Session> early) {
    List<Map<String, Object>> hs = new ArrayList<>();
    for (Holiday h : holidays) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("date", h.date().toString());
      m.put("name", h.name());
      hs.add(m);
    }
    List<Map<String, Object>> es = new ArrayList<>();
    for (Session s : early) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("date", s.date().toString());
      m.put("close", s.close().toLocalTime().toString());
      m.put("note", s.note());
      es.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calendar", calendar.id());
    m.put("year", year);
    m.put("zone", CalendarCommand.zoneName(calendar.zone()));
    m.put("holidays", hs);
    m.put("early_closes", es);
    return m;
  }

  static String weekday(LocalDate date) {
    return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}
