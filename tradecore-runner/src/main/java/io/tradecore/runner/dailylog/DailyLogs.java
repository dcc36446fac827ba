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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /** The first day {@link #catchUp} has not yet seen logged; null before its first call. */
  private LocalDate unchecked;

  /** When the log of the day {@link #unchecked} (or the next trading day) falls due. */
  private Instant nextDue;

  /** The highest close (or the starting cash) of the days before {@code peakUntil}; null: none. */
  private LocalDate peakUntil;

  private BigDecimal peakBeforeUntil;

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

  private void generate(List<LocalDate> due) {
    if (due.isEmpty()) {
      return;
    }
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              for (LocalDate day : due) {
                repo.saveGenerated(h, record.id(), row(h, day));
              }
            });
  }

  private DailyLogRepository.Row row(Handle h, LocalDate day) {
    DayRepository snapshots = new DayRepository();
    BigDecimal start = record.startingCash();
    LocalDate previousDay = calendar.previousTradingDay(day);
    // Equity at the close of a day: its snapshot, else the latest before it, else the start.
    Optional<DayRepository.Snapshot> close =
        snapshots.snapshotOnOrBefore(h, record.id(), day.toString());
    BigDecimal value = close.map(DayRepository.Snapshot::equity).orElse(start);
    BigDecimal previous =
        snapshots
            .snapshotOnOrBefore(h, record.id(), previousDay.toString())
            .map(DayRepository.Snapshot::equity)
            .orElse(start);
    int openPositions = close.map(s -> Codec.readList(s.positionsJson()).size()).orElse(0);
    BigDecimal previousPeak = peakBefore(h, day);
    BigDecimal peak = previousPeak;
    if (close.isPresent() && close.get().day().equals(day.toString())) {
      peak = peak.max(close.get().equity());
    }
    // The day's fills and refusals, by the time range that holds every time filed under it.
    Instant zoneStart = day.atStartOfDay(calendar.zone()).toInstant();
    Instant zoneEnd = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Instant utcDate = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant from = zoneStart.isBefore(utcDate) ? zoneStart : utcDate;
    Instant to = zoneEnd.isAfter(utcDate) ? zoneEnd : utcDate.plusMillis(1);
    long trades = 0;
    BigDecimal fees = BigDecimal.ZERO;
    for (FillRepository.Charge f : new FillRepository().chargesBetween(h, record.id(), from, to)) {
      if (TradingDays.dayOf(f.time(), calendar.zone()).equals(day)) {
        trades++;
        fees = fees.add(f.fee());
      }
    }
    long refusals =
        new RefusalRepository()
            .timesBetween(h, record.id(), from, to).stream()
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
   * The highest closing equity before {@code day} (the starting cash if higher): kept from the last
   * day logged, so only the snapshots since are read. Days before one whose log falls due are over
   * (a runner's days only go forward), so what was read of them stands.
   */
  private BigDecimal peakBefore(Handle h, LocalDate day) {
    boolean known = peakUntil != null && !day.isBefore(peakUntil);
    BigDecimal peak = known ? peakBeforeUntil : record.startingCash();
    for (DayRepository.Equity e :
        new DayRepository()
            .equities(
                h, record.id(), known ? peakUntil.toString() : null, day.minusDays(1).toString())) {
      peak = peak.max(e.equity());
    }
    peakUntil = day;
    peakBeforeUntil = peak;
    return peak;
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
