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
import io.tradecore.core.domain.Fill;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.days.TradingDays;
import io.tradecore.runner.llm.StoreTraces;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.Codec;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.Fence;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /** The portfolio's first day: when it was created, or its first fill or snapshot if earlier. */
  public LocalDate firstDay() {
    LocalDate first = LocalDate.ofInstant(record.createdAt(), calendar.zone());
    List<DayRepository.Snapshot> snaps =
        db.jdbi().withHandle(h -> new DayRepository().snapshots(h, record.id()));
    if (!snaps.isEmpty()) {
      LocalDate s = LocalDate.parse(snaps.get(0).day());
      first = s.isBefore(first) ? s : first;
    }
    return first;
  }

  /** Writes every due trading day that has no log yet, oldest first; returns the days written. */
  public List<LocalDate> catchUp(Instant now) {
    List<String> known = db.jdbi().withHandle(h -> repo.days(h, record.id()));
    Set<String> written = new HashSet<>(known);
    String latest = known.isEmpty() ? "" : known.get(known.size() - 1);
    // From the first day the first time, not after the latest day logged: a day written by hand
    // may lie beyond one still missing. Later calls start at the first day not yet logged then.
    LocalDate from = unchecked != null ? unchecked : firstDay();
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
        generate(day);
        done.add(day);
      }
    }
    LocalDate next = notDue != null ? notDue : last.plusDays(1);
    unchecked = next.isAfter(from) ? next : from;
    if (!done.isEmpty()) {
      if (done.get(0).toString().compareTo(latest) > 0) {
        // The usual case: new days after every logged one are added to the end of the file.
        List<DailyLogRepository.Row> rows = db.jdbi().withHandle(h -> repo.all(h, record.id()));
        mirror(
            () ->
                DailyLogText.append(
                    textFile,
                    record.name(),
                    record.baseCurrency(),
                    rows.subList(rows.size() - done.size(), rows.size()),
                    rows,
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
              repo.saveGenerated(h, record.id(), row(h, day));
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

  private void generate(LocalDate day) {
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              DailyLogRepository.Row row = row(h, day);
              repo.saveGenerated(h, record.id(), row);
              notifications.dailyLog(
                  h,
                  day.toString(),
                  DailyLogText.block(record.name(), record.baseCurrency(), row),
                  clock.instant());
            });
  }

  private DailyLogRepository.Row row(Handle h, LocalDate day) {
    List<DayRepository.Snapshot> snaps = new DayRepository().snapshots(h, record.id());
    BigDecimal start = record.startingCash();
    LocalDate previousDay = calendar.previousTradingDay(day);
    BigDecimal value = valueAt(snaps, day, start);
    BigDecimal previous = valueAt(snaps, previousDay, start);
    BigDecimal peak = start;
    BigDecimal previousPeak = start;
    int openPositions = 0;
    for (DayRepository.Snapshot s : snaps) {
      LocalDate snapDay = LocalDate.parse(s.day());
      if (snapDay.isBefore(day)) {
        previousPeak = previousPeak.max(s.equity());
      }
      if (!snapDay.isAfter(day)) {
        peak = peak.max(s.equity());
        openPositions = Codec.readList(s.positionsJson()).size();
      }
    }
    var instruments = new InstrumentRepository().all(h);
    long trades = 0;
    BigDecimal fees = BigDecimal.ZERO;
    for (Fill f : new FillRepository().all(h, record.id(), instruments)) {
      if (TradingDays.dayOf(f.time(), calendar.zone()).equals(day)) {
        trades++;
        fees = fees.add(f.fee());
      }
    }
    long refusals =
        new RefusalRepository()
            .times(h, record.id()).stream()
                .filter(t -> TradingDays.dayOf(t, calendar.zone()).equals(day))
                .count();
    TelemetryRepository telemetry = new TelemetryRepository();
    Map<String, Long> levels = telemetry.countByLevel(h, record.id(), day.toString());
    long signals = telemetry.countKind(h, record.id(), day.toString(), "signal");
    List<Long> recent =
        repo.before(h, record.id(), day.toString(), 10).stream()
            .map(DailyLogRepository.Row::trades)
            .toList();
    DayFacts facts =
        new DayFacts(
            value,
            previous,
            start,
            peak,
            previousPeak,
            trades,
            signals,
            levels.getOrDefault("WARN", 0L),
            levels.getOrDefault("ERROR", 0L),
            refusals,
            openPositions,
            fees,
            new LlmTraceRepository().spentOn(h, record.id(), day.toString()),
            recent,
            calendar.isTradingDay(day),
            (int) ChronoUnit.DAYS.between(day, calendar.nextTradingDay(day)));
    List<Observation> observations = new ArrayList<>(ObservationRules.DEFAULTS.evaluate(facts));
    long capped = telemetry.countKind(h, record.id(), day.toString(), StoreTraces.CAP_KIND);
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
    return new DailyLogRepository.Row(
        day.toString(),
        value,
        facts.dailyPnl(),
        facts.dailyReturn(),
        facts.totalPnl(),
        tiers.tierOf(facts.dailyReturn()).name(),
        trades,
        signals,
        facts.warnings(),
        facts.errors(),
        status,
        json(observations),
        "",
        "",
        "",
        "",
        clock.instant());
  }

  /**
   * Equity at the close of {@code day}: its snapshot, else the latest before it, else the start.
   */
  private static BigDecimal valueAt(
      List<DayRepository.Snapshot> snaps, LocalDate day, BigDecimal start) {
    BigDecimal value = start;
    for (DayRepository.Snapshot s : snaps) {
      if (!LocalDate.parse(s.day()).isAfter(day)) {
        value = s.equity();
      }
    }
    return value;
  }

  private static String json(List<Observation> observations) {
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
