package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.dailylog.DayFacts;
import io.tradecore.core.dailylog.ObservationRules;
import io.tradecore.core.dailylog.TierThresholds;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.days.TradingDays;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Codec;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.Dialect;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.RefusalRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Years of daily bars of two symbols traded by sma-cross, with fees and a cap that refuses orders,
 * replayed in three pieces (a new runner each time): each day's log is written from that day's own
 * rows and the figures carried from the day before, and must be what reading the whole history
 * gives (the way it was computed before); and a replay committing its quiet moments together leaves
 * the same books, days and logs as one committing each moment.
 */
class LongHistoryDailyLogTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final PortfolioId ID = new PortfolioId("p-history");
  static final PortfolioSettings SETTINGS =
      new PortfolioSettings(
          "USD",
          NEW_YORK,
          "NYSE",
          new BigDecimal("100000"),
          new Caps(null, null, 1, null),
          new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14),
          Map.of());
  static final TradingCalendar NYSE = TradingCalendars.of("NYSE");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final List<Database> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(TestDatabases::dispose);
  }

  @Test
  void every_daily_log_of_years_of_replay_equals_one_computed_from_the_whole_history()
      throws Exception {
    Database db = replay("history");
    PortfolioRecord record =
        db.jdbi().withHandle(h -> new PortfolioRepository().byId(h, ID)).orElseThrow();
    List<DailyLogRepository.Row> logs =
        db.jdbi().withHandle(h -> new DailyLogRepository().all(h, ID));
    assertThat(logs).as("a log for each trading day of three years").hasSizeGreaterThan(700);
    assertThat(logs).as("days with fills").anySatisfy(l -> assertThat(l.trades()).isPositive());
    List<Instant> refused = db.jdbi().withHandle(h -> new RefusalRepository().times(h, ID));
    assertThat(refused).as("orders the cap refused").isNotEmpty();
    TierThresholds tiers = TierThresholds.fromPercent(SETTINGS.tiers());
    for (DailyLogRepository.Row log : logs) {
      DayFacts facts =
          db.jdbi().withHandle(h -> fromWholeHistory(h, record, LocalDate.parse(log.day()), log));
      assertThat(log.accountValue()).as(log.day()).isEqualTo(facts.accountValue());
      assertThat(log.dailyPnl()).as(log.day()).isEqualTo(facts.dailyPnl());
      assertThat(log.dailyReturn()).as(log.day()).isEqualTo(facts.dailyReturn());
      assertThat(log.totalPnl()).as(log.day()).isEqualTo(facts.totalPnl());
      assertThat(log.tier()).as(log.day()).isEqualTo(tiers.tierOf(facts.dailyReturn()).name());
      assertThat(log.trades()).as(log.day()).isEqualTo(facts.trades());
      assertThat(log.observationsJson())
          .as(log.day())
          .isEqualTo(JSON.writeValueAsString(ObservationRules.DEFAULTS.evaluate(facts)));
    }
  }

  @Test
  void a_replay_committing_moments_together_leaves_what_one_committing_each_moment_does()
      throws Exception {
    Database grouped = replay("grouped");
    Database each = replay("each", 1);
    assertThat(fills(grouped)).as("fills").isNotEmpty().isEqualTo(fills(each));
    for (String table :
        List.of(
            "orders",
            "plans",
            "plan_changes",
            "risk_refusals",
            "portfolio_days",
            "equity_snapshots",
            "daily_logs",
            "paper_orders",
            "paper_fills",
            "paper_accounts",
            "portfolio_stats",
            "feed_positions")) {
      assertThat(rows(grouped, table)).as(table).isEqualTo(rows(each, table));
    }
    assertThat(rows(grouped, "telemetry_events"))
        .as("telemetry, each on its day")
        .isNotEmpty()
        .isEqualTo(rows(each, "telemetry_events"));
  }

  /**
   * A table's rows as text, in a stable order, without what differs between any two runs (run ids,
   * wall-clock times, the order rows were written in).
   */
  private static List<String> rows(Database db, String table) {
    return db.jdbi()
        .withHandle(
            h ->
                h
                    .createQuery("SELECT * FROM " + table)
                    .mapToMap()
                    .map(
                        row -> {
                          Map<String, Object> kept = new java.util.TreeMap<>(row);
                          kept.keySet()
                              .removeIf(
                                  c ->
                                      c.equals("run_id")
                                          || c.equals("feed")
                                          || c.equals("seq")
                                          || c.equals("id")
                                          || c.equals("fill_seq")
                                          || c.endsWith("updated_ms")
                                          || c.endsWith("created_ms")
                                          || c.startsWith("generated")
                                          || c.equals("recorded_ms")
                                          || c.equals("at_ms")
                                          || c.equals("seen_ms"));
                          return kept.toString();
                        })
                    .list()
                    .stream()
                    .sorted()
                    .toList());
  }

  /** Replays three years of two symbols in three pieces into a new database. */
  private Database replay(String name) throws Exception {
    return replay(name, 0);
  }

  /**
   * As {@link #replay(String)}, committing at most {@code groupBars} bars together (0: the runner's
   * default).
   */
  private Database replay(String name, int groupBars) throws Exception {
    Database db = TestDatabases.open(Dialect.SQLITE);
    open.add(db);
    PortfolioRecord record =
        new PortfolioRecord(
            ID,
            "history",
            "USD",
            "America/New_York",
            "NYSE",
            SETTINGS.startingCash(),
            SETTINGS.toJson(),
            Instant.parse("2019-01-01T00:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    Path data = Files.createDirectories(dir.resolve(name));
    List<LocalDate> days = NYSE.tradingDays(LocalDate.of(2019, 1, 2), LocalDate.of(2021, 12, 31));
    RunnerOptions options =
        new RunnerOptions(
            "sma-cross",
            Map.of("fast", "5", "slow", "20"),
            "v1",
            ExecutionCosts.of(5, 1, 0),
            null,
            Duration.ofSeconds(10),
            Duration.ofSeconds(3),
            0,
            "test-host",
            1);
    Random random = new Random(20_261_207L);
    double[] price = {100, 40};
    StringBuilder[] csv = {new StringBuilder(), new StringBuilder()};
    for (StringBuilder c : csv) {
      c.append("date,open,high,low,close,volume\n");
    }
    int piece = days.size() / 3;
    for (int i = 0; i < days.size(); i++) {
      for (int s = 0; s < 2; s++) {
        double open = price[s];
        double close = Math.max(1, open * (1 + random.nextGaussian() * 0.02));
        price[s] = close;
        csv[s].append(
            String.format(
                "%s,%.2f,%.2f,%.2f,%.2f,100000%n",
                days.get(i),
                open,
                Math.max(open, close) * 1.005,
                Math.min(open, close) * 0.995,
                close));
      }
      if (i == piece || i == 2 * piece || i == days.size() - 1) {
        Files.writeString(data.resolve("ACME.csv"), csv[0]);
        Files.writeString(data.resolve("BOLT.csv"), csv[1]);
        try (PortfolioRunner runner =
            PortfolioRunner.open(db, record, SETTINGS, options, Clock.systemUTC())) {
          runner.writeDailyLogs(
              new DailyLogs(
                  db, record, SETTINGS, DailyLogs.textFileFor(data, "history"), Clock.systemUTC()));
          if (groupBars > 0) {
            runner.groupCommit(groupBars, Duration.ofHours(1));
          }
          List<long[]> progress = new ArrayList<>();
          runner.reportProgress((done, total) -> progress.add(new long[] {done, total}));
          ReplayFeed feed =
              ReplayFeed.open(
                  "replay:" + data.resolve("ACME.csv") + "," + data.resolve("BOLT.csv"),
                  "USD",
                  data);
          int applied = runner.run(feed);
          // Each piece resumes after the last: its progress counts the bars it applies, of those
          // left when it started, up to all of them.
          assertThat(progress).isNotEmpty();
          assertThat(progress.get(progress.size() - 1)).containsExactly(applied, applied);
          assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(applied));
        }
      }
    }
    return db;
  }

  private static List<Fill> fills(Database db) {
    return db.jdbi()
        .withHandle(h -> new FillRepository().all(h, ID, new InstrumentRepository().all(h)));
  }

  /** The logs without the time each was generated. */
  private static List<List<Object>> logs(Database db) {
    return db.jdbi().withHandle(h -> new DailyLogRepository().all(h, ID)).stream()
        .map(
            r ->
                List.<Object>of(
                    r.day(),
                    r.accountValue(),
                    r.dailyPnl(),
                    r.dailyReturn(),
                    r.totalPnl(),
                    r.tier(),
                    r.trades(),
                    r.signals(),
                    r.warnings(),
                    r.errors(),
                    r.marketStatus(),
                    r.observationsJson()))
        .toList();
  }

  /**
   * A day's facts as they were computed before: from every snapshot, fill and refusal of the
   * portfolio (the telemetry counts, read the same way as ever, are taken from the log).
   */
  private static DayFacts fromWholeHistory(
      Handle h, PortfolioRecord record, LocalDate day, DailyLogRepository.Row log) {
    List<DayRepository.Snapshot> snaps = new DayRepository().snapshots(h, ID);
    BigDecimal start = record.startingCash();
    BigDecimal value = valueAt(snaps, day, start);
    BigDecimal previous = valueAt(snaps, NYSE.previousTradingDay(day), start);
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
    long trades = 0;
    BigDecimal fees = BigDecimal.ZERO;
    for (Fill f : new FillRepository().all(h, ID, new InstrumentRepository().all(h))) {
      if (TradingDays.dayOf(f.time(), NYSE.zone()).equals(day)) {
        trades++;
        fees = fees.add(f.fee());
      }
    }
    long refusals =
        new RefusalRepository()
            .times(h, ID).stream()
                .filter(t -> TradingDays.dayOf(t, NYSE.zone()).equals(day))
                .count();
    List<Long> recent =
        new DailyLogRepository()
            .before(h, ID, day.toString(), 10).stream()
                .map(DailyLogRepository.Row::trades)
                .toList();
    return new DayFacts(
        value,
        previous,
        start,
        peak,
        previousPeak,
        trades,
        log.signals(),
        log.warnings(),
        log.errors(),
        refusals,
        openPositions,
        fees,
        new LlmTraceRepository().spentOn(h, ID, day.toString()),
        recent,
        true,
        (int) ChronoUnit.DAYS.between(day, NYSE.nextTradingDay(day)));
  }

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
}
