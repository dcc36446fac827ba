package io.tradecore.runner.dailylog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.core.calendar.Session;
import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.dailylog.DayFacts;
import io.tradecore.core.dailylog.Observation;
import io.tradecore.core.dailylog.ObservationRules;
import io.tradecore.core.dailylog.TierThresholds;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.days.TradingDays;
import io.tradecore.runner.llm.StoreTraces;
import io.tradecore.runner.notify.MessageKind;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.Codec;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.Fence;
import io.tradecore.store.FillRepository;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RefusalRepository;
import io.tradecore.store.TelemetryRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A portfolio's daily performance log: written for every trading day once the day's close plus five
 * minutes has passed (00:05 in the reporting zone for a 24/7 market), caught up for days missed
 * while nothing ran, rewritten in place on request, never duplicated, and mirrored into a text
 * file.
 */
public final class DailyLogs {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How many earlier days' trades a day's log is compared with. */
  private static final int RECENT_DAYS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(DailyLogs.class);
  private final Database db;
  private final PortfolioRecord record;
  private final TradingCalendar calendar;
  private final ZoneId reportingZone;
  private final TierThresholds tiers;
  private final Path textFile;
  private final Clock clock;
  private final DailyLogRepository repo = new DailyLogRepository();
  private Fence fence = Fence.NONE;
  private Notifications notifications = Notifications.none();

  /** The first day {@link #catchUp} has not yet seen logged; null before its first call. */
  private LocalDate unchecked;

  /** When the log of the day {@link #unchecked} (or the next trading day) falls due. */
  private Instant nextDue;

  /**
   * The figures carried from the days before {@code carriedUntil} (null: none yet): their highest
   * close (or the starting cash) and their latest close. Days before one whose log is written are
   * over (a runner's days only go forward), so what was read of them stands.
   */
  private LocalDate carriedUntil;

  private BigDecimal carriedPeak;
  private DayRepository.Equity carriedClose;

  /** The text file's size after this object last wrote it; -1 before. */
  private long textSize = -1;

  public DailyLogs(
      Database db, PortfolioRecord record, PortfolioSettings settings, Path textFile, Clock clock) {
    this.db = db;
    this.record = record;
    this.reportingZone = settings.timeZone();
    this.calendar =
        record.calendar().equals(TradingCalendars.CRYPTO_24_7)
            ? TradingCalendars.crypto(reportingZone)
            : TradingCalendars.of(record.calendar());
    this.tiers = TierThresholds.fromPercent(settings.tiers());
    this.textFile = textFile;
    this.clock = clock;
  }

  /** The file the human-readable log goes to, in the data directory. */
  public static Path textFileFor(Path dataDir, String portfolioName) {
    return dataDir.resolve("logs").resolve("daily-" + portfolioName + ".log");
  }

  public TradingCalendar calendar() {
    return calendar;
  }

  /** When the log of {@code day} falls due: the close + 5 minutes, or 00:05 next day for 24/7. */
  public Instant dueAt(LocalDate day) {
    if (calendar.id().equals(TradingCalendars.CRYPTO_24_7)) {
      return day.plusDays(1).atTime(LocalTime.of(0, 5)).atZone(reportingZone).toInstant();
    }
    Session s =
        calendar
            .session(day)
            .orElseThrow(() -> new IllegalArgumentException(day + " is not a trading day"));
    return s.closeInstant().plus(5, ChronoUnit.MINUTES);
  }

  /** The portfolio's first day: when it was created, or its first snapshot if earlier. */
  public LocalDate firstDay() {
    LocalDate first = LocalDate.ofInstant(record.createdAt(), calendar.zone());
    Optional<String> snapshot =
        db.jdbi().withHandle(h -> new DayRepository().firstDay(h, record.id()));
    if (snapshot.isPresent()) {
      LocalDate s = LocalDate.parse(snapshot.get());
      first = s.isBefore(first) ? s : first;
    }
    return first;
  }

  /**
   * Whether {@link #catchUp} at {@code now} may have a log to write: false only when the next day
   * without a log falls due later (known from the last catch-up, without reading the store).
   */
  public boolean anyDue(Instant now) {
    return nextDue == null || !now.isBefore(nextDue);
  }

  /**
   * Writes every due trading day that has no log yet, oldest first, in one transaction; returns the
   * days written. Its cost does not grow with the history: it reads the logs from the first day not
   * yet seen logged, and each day's log from that day's events and the day before's.
   */
  public List<LocalDate> catchUp(Instant now) {
    if (!anyDue(now)) {
      return List.of();
    }
    // From the first day the first time, not after the latest day logged: a day written by hand
    // may lie beyond one still missing. Later calls start at the first day not yet logged then.
    LocalDate from = unchecked != null ? unchecked : firstDay();
    Set<String> written =
        new HashSet<>(db.jdbi().withHandle(h -> repo.daysFrom(h, record.id(), from.toString())));
    String latest = db.jdbi().withHandle(h -> repo.latestDay(h, record.id())).orElse("");
    LocalDate last = LocalDate.ofInstant(now, calendar.zone());
    List<LocalDate> done = new ArrayList<>();
    LocalDate notDue = null;
    for (LocalDate day : calendar.tradingDays(from, last)) {
      if (written.contains(day.toString())) {
        continue;
      }
      if (dueAt(day).isAfter(now)) {
        notDue = notDue == null ? day : notDue;
      } else {
        done.add(day);
      }
    }
    generate(done);
    LocalDate next = notDue != null ? notDue : last.plusDays(1);
    unchecked = next.isAfter(from) ? next : from;
    nextDue =
        dueAt(calendar.isTradingDay(unchecked) ? unchecked : calendar.nextTradingDay(unchecked));
    if (!done.isEmpty()) {
      if (done.get(0).toString().compareTo(latest) > 0) {
        // The usual case: new days after every logged one are added to the end of the file.
        List<DailyLogRepository.Row> rows =
            db.jdbi().withHandle(h -> repo.from(h, record.id(), done.get(0).toString()));
        mirror(
            () ->
                DailyLogText.append(
                    textFile,
                    record.name(),
                    record.baseCurrency(),
                    rows,
                    () -> db.jdbi().withHandle(h -> repo.all(h, record.id())),
                    textSize));
      } else {
        rewriteText();
      }
    }
    return done;
  }

  /**
   * Writes (or rewrites) the log of one day by hand, optionally adding a note; a person's sections
   * already there are kept.
   */
  public DailyLogRepository.Row write(LocalDate day, String notes) {
    LocalDate first = firstDay();
    if (day.isBefore(first)) {
      throw new IllegalArgumentException(
          day
              + " is before portfolio "
              + record.name()
              + " existed (its first day is "
              + first
              + ")");
    }
    if (!calendar.isTradingDay(day)) {
      String why = calendar.holiday(day).map(x -> "a holiday: " + x.name()).orElse("a weekend");
      throw new IllegalArgumentException(
          day + " is not a " + calendar.id() + " trading day (" + why + ")");
    }
    db.jdbi()
        .useTransaction(
            h -> {
              repo.saveGenerated(h, record.id(), rows(h, List.of(day)).get(0));
              String existing = repo.get(h, record.id(), day.toString()).orElseThrow().notes();
              boolean alreadyThere = existing.lines().anyMatch(line -> line.equals(notes));
              if (notes != null && !notes.isBlank() && !alreadyThere) {
                repo.addNote(
                    h, record.id(), day.toString(), DailyLogRepository.Section.NOTES, notes);
              }
            });
    rewriteText();
    return db.jdbi().withHandle(h -> repo.get(h, record.id(), day.toString())).orElseThrow();
  }

  /** Adds a person's text to a section of a day that has a log. */
  public void note(LocalDate day, DailyLogRepository.Section section, String text) {
    boolean ok =
        db.jdbi().inTransaction(h -> repo.addNote(h, record.id(), day.toString(), section, text));
    if (!ok) {
      throw new IllegalArgumentException(
          "portfolio "
              + record.name()
              + " has no daily log for "
              + day
              + "; write it first with: tradecore log daily --portfolio "
              + record.name()
              + " --date "
              + day);
    }
    rewriteText();
  }

  public List<DailyLogRepository.Row> last(int n) {
    return db.jdbi().withHandle(h -> repo.last(h, record.id(), n));
  }

  /**
   * Checks {@code value} in each transaction that writes a log on the schedule: a runner's lease,
   * so one that lost it writes no log either.
   */
  public void fencedBy(Fence value) {
    this.fence = value;
  }

  /** Sends each log written on the schedule to the portfolio's destinations, with the log. */
  public void notifyThrough(Notifications value) {
    this.notifications = value;
  }

  private void generate(List<LocalDate> due) {
    if (due.isEmpty()) {
      return;
    }
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              List<DailyLogRepository.Row> rows = rows(h, due);
              repo.saveGenerated(h, record.id(), rows);
              if (notifications.sends(MessageKind.DAILY_LOG)) {
                for (DailyLogRepository.Row row : rows) {
                  notifications.dailyLog(
                      h,
                      row.day(),
                      DailyLogText.block(record.name(), record.baseCurrency(), row),
                      clock.instant());
                }
              }
            });
  }

  /**
   * The logs of {@code days} (oldest first), each from that day's own rows and the figures carried
   * from the day before: a few range reads for all of them, whatever the length of the history.
   */
  private List<DailyLogRepository.Row> rows(Handle h, List<LocalDate> days) {
    BigDecimal start = record.startingCash();
    LocalDate first = days.get(0);
    LocalDate last = days.get(days.size() - 1);
    // Closes from the day the carried figures reach (the whole history the first time).
    boolean carried = carriedUntil != null && !first.isBefore(carriedUntil);
    BigDecimal peak = carried ? carriedPeak : start;
    DayRepository.Equity latest = carried ? carriedClose : null;
    List<DayRepository.Equity> closes =
        new DayRepository()
            .equities(h, record.id(), carried ? carriedUntil.toString() : null, last.toString());
    // The day's fills and refusals, by the time range that holds every time filed under them.
    Instant from = earlier(first.atStartOfDay(calendar.zone()).toInstant(), utcDate(first));
    Instant to =
        later(
            last.plusDays(1).atStartOfDay(calendar.zone()).toInstant(),
            utcDate(last).plusMillis(1));
    Map<LocalDate, List<BigDecimal>> fees = new HashMap<>();
    for (FillRepository.Charge f : new FillRepository().chargesBetween(h, record.id(), from, to)) {
      fees.computeIfAbsent(TradingDays.dayOf(f.time(), calendar.zone()), d -> new ArrayList<>())
          .add(f.fee());
    }
    Map<LocalDate, Long> refusals = new HashMap<>();
    for (Instant t : new RefusalRepository().timesBetween(h, record.id(), from, to)) {
      refusals.merge(TradingDays.dayOf(t, calendar.zone()), 1L, Long::sum);
    }
    Map<String, Map<String, Long>> levels = new HashMap<>();
    Map<String, Map<String, Long>> kinds = new HashMap<>();
    for (TelemetryRepository.Count c :
        new TelemetryRepository().counts(h, record.id(), first.toString(), last.toString())) {
      levels.computeIfAbsent(c.day(), d -> new HashMap<>()).merge(c.level(), c.count(), Long::sum);
      kinds.computeIfAbsent(c.day(), d -> new HashMap<>()).merge(c.kind(), c.count(), Long::sum);
    }
    Map<String, BigDecimal> spent =
        new LlmTraceRepository().spentByDay(h, record.id(), first.toString(), last.toString());
    NavigableMap<String, Long> trades =
        repo.tradesAround(h, record.id(), first.toString(), RECENT_DAYS, last.toString());

    List<DailyLogRepository.Row> out = new ArrayList<>(days.size());
    int next = 0;
    for (LocalDate day : days) {
      String d = day.toString();
      // Every close before the day: the peak before it and the latest close.
      while (next < closes.size() && closes.get(next).day().compareTo(d) < 0) {
        peak = peak.max(closes.get(next).equity());
        latest = closes.get(next);
        next++;
      }
      carriedUntil = day;
      carriedPeak = peak;
      carriedClose = latest;
      DayRepository.Equity close =
          next < closes.size() && closes.get(next).day().equals(d) ? closes.get(next) : latest;
      String previousDay = calendar.previousTradingDay(day).toString();
      DayRepository.Equity previous = latest;
      for (int i = next - 1; previous != null && previous.day().compareTo(previousDay) > 0; ) {
        previous = --i >= 0 ? closes.get(i) : carried ? carriedBefore(h, previousDay) : null;
      }
      List<BigDecimal> dayFees = fees.getOrDefault(day, List.of());
      Map<String, Long> dayLevels = levels.getOrDefault(d, Map.of());
      Map<String, Long> dayKinds = kinds.getOrDefault(d, Map.of());
      long signals = dayKinds.getOrDefault("signal", 0L);
      // The trades of the RECENT_DAYS days before, oldest first (read from the newest back, not
      // copied whole: the map grows with the days written together).
      List<Long> recent = new ArrayList<>(RECENT_DAYS);
      for (Long n : trades.headMap(d, false).descendingMap().values()) {
        if (recent.size() == RECENT_DAYS) {
          break;
        }
        recent.add(n);
      }
      Collections.reverse(recent);
      DayFacts facts =
          new DayFacts(
              close == null ? start : close.equity(),
              previous == null ? start : previous.equity(),
              start,
              close != null && close.day().equals(d) ? peak.max(close.equity()) : peak,
              peak,
              dayFees.size(),
              signals,
              dayLevels.getOrDefault("WARN", 0L),
              dayLevels.getOrDefault("ERROR", 0L),
              refusals.getOrDefault(day, 0L),
              close == null ? 0 : Codec.listSize(close.positionsJson()),
              dayFees.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
              spent.getOrDefault(d, BigDecimal.ZERO),
              recent,
              calendar.isTradingDay(day),
              (int) ChronoUnit.DAYS.between(day, calendar.nextTradingDay(day)));
      List<Observation> observations = new ArrayList<>(ObservationRules.DEFAULTS.evaluate(facts));
      long capped = dayKinds.getOrDefault(StoreTraces.CAP_KIND, 0L);
      if (capped > 0) {
        observations.add(
            new Observation(
                "LLM_CAP_REACHED",
                "the LLM spending cap was reached: "
                    + capped
                    + " question(s) held without calling the model",
                Map.of("held", Long.toString(capped))));
      }
      String status =
          calendar
              .session(day)
              .map(s -> s.earlyClose() ? "EARLY_CLOSE" : "OPEN")
              .orElse(calendar.holiday(day).isPresent() ? "HOLIDAY" : "WEEKEND");
      out.add(
          new DailyLogRepository.Row(
              d,
              facts.accountValue(),
              facts.dailyPnl(),
              facts.dailyReturn(),
              facts.totalPnl(),
              tiers.tierOf(facts.dailyReturn()).name(),
              facts.trades(),
              signals,
              facts.warnings(),
              facts.errors(),
              status,
              json(observations),
              "",
              "",
              "",
              "",
              clock.instant()));
      trades.put(d, facts.trades());
    }
    return out;
  }

  /** The latest close on or before {@code day}, read (the carried figures do not reach back). */
  private DayRepository.Equity carriedBefore(Handle h, String day) {
    return new DayRepository()
        .snapshotOnOrBefore(h, record.id(), day)
        .map(s -> new DayRepository.Equity(s.day(), s.equity(), s.positionsJson()))
        .orElse(null);
  }

  private static Instant utcDate(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String json(List<Observation> observations) {
    if (observations.isEmpty()) {
      return "[]"; // most days
    }
    try {
      return JSON.writeValueAsString(observations);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void rewriteText() {
    mirror(
        () ->
            DailyLogText.write(
                textFile,
                record.name(),
                record.baseCurrency(),
                db.jdbi().withHandle(h -> repo.all(h, record.id()))));
  }

  /**
   * Brings the text file up to date; when another process keeps it locked, leaves it to the next
   * write, which rewrites it whole (the logs are in the database already).
   */
  private void mirror(LongSupplier write) {
    try {
      textSize = write.getAsLong();
    } catch (DailyLogText.Busy e) {
      textSize = -1;
      LOG.warn("{}; {} is brought up to date at the next write", e.getMessage(), textFile);
    }
  }
}
