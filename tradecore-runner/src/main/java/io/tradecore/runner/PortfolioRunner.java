package io.tradecore.runner;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.DecisionJournal;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineConfig;
import io.tradecore.core.engine.ManualOutcome;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.SameBarPolicy;
import io.tradecore.core.venue.Venue;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.days.DayBook;
import io.tradecore.runner.days.OvernightState;
import io.tradecore.runner.days.TradingDays;
import io.tradecore.runner.notify.Dispatcher;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.runner.telemetry.Telemetry;
import io.tradecore.store.BarRepository;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.LeaseLostException;
import io.tradecore.store.PlanRequestRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.Retrying;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.strategies.StrategyCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Trades one portfolio durably, through the venue and feed ports: it holds the portfolio's lease,
 * restores the portfolio from the store (fills, plans, working orders, day and overnight state),
 * reconciles it with its venue, then takes the feed's moments one by one from after the last one it
 * committed and commits everything each caused, with the feed's cursor, in one transaction checked
 * against the lease ({@link MomentCommit}). Killed at any point, a restarted runner carries on as
 * if nothing had happened; one that lost its lease while paused commits nothing more.
 */
public final class PortfolioRunner implements AutoCloseable {
  private static final Duration LIVE_WAIT = Duration.ofMillis(500);

  /** A replay's group commit holds at most this many bars... */
  private static final int GROUP_BARS = 1_000;

  /** ...or the moments applied in this long. */
  private static final Duration GROUP_TIME = Duration.ofMillis(200);

  /** Told how far a run has got: bars applied, and bars applied plus those left (when known). */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(int done, long total);
  }

  /** How often a replay looks for a trader's plan requests (a live feed looks on every turn). */
  private static final long REQUEST_CHECK_NANOS = Duration.ofMillis(250).toNanos();

  private final Database db;
  private final PortfolioRecord record;
  private final PortfolioSettings settings;
  private final RunId run;
  private final Lease lease;
  private final Clock clock;
  private final Map<String, Instrument> instruments;
  private final Portfolio portfolio;
  private final Venue venue;
  private final EventRecorder recorder;

  /** Stores entries before they go out, on a venue whose books are not in the runner's database. */
  private final EntryWriteAhead writeAhead;

  private final Engine engine;
  private final DayBook days;
  private final Telemetry telemetry;
  private final RunnerOptions options;
  private final MomentCommit commit;
  private final Reconciler reconciler;
  private final EngineStateRepository stateRepo = new EngineStateRepository();
  private final PlanRequestRepository requestRepo = new PlanRequestRepository();
  private final ManualRequests manual;
  private long lastRequestCheck;
  private Duration barRetention = Duration.ofDays(730);
  private Duration answerWait = Duration.ofMinutes(10);
  private DailyLogs dailyLogs;
  private Dispatcher dispatcher;
  private boolean dailyFeed;
  private ResyncReport openingResync;
  private volatile MarketFeed feed;
  private volatile boolean stopRequested;
  private boolean entriesHalted;
  private Instant nextDriftCheck;
  private String endReason = "stopped";
  private Progress progress = Progress.NONE;
  private int groupBars = GROUP_BARS;
  private long groupNanos = GROUP_TIME.toNanos();

  private PortfolioRunner(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock,
      RunStrategy strategies,
      VenueFactory venues) {
    this.db = db;
    this.record = record;
    this.settings = settings;
    this.options = options;
    this.clock = clock;
    this.run =
        new RunId(
            "run-"
                + clock.instant().toEpochMilli()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8));
    this.lease =
        Lease.acquire(
            db,
            record.id(),
            record.name(),
            run,
            options.host(),
            options.pid(),
            options.leaseTtl(),
            options.heartbeat(),
            clock);
    try {
      this.telemetry = new Telemetry(record.id(), run);
      lease
          .tookOverFrom()
          .ifPresent(
              lapsed -> {
                Instant now = clock.instant();
                telemetry.warn(
                    now,
                    wallClockDay(now),
                    Notifications.TAKEOVER_KIND,
                    Notifications.takeover(run.value(), options.host(), options.pid(), lapsed));
              });
      this.instruments = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
      this.portfolio =
          db.jdbi()
              .withHandle(
                  h -> PortfolioRestore.ledger(h, record, instruments, this::statsCacheDiffered));
      var state = db.jdbi().withHandle(h -> stateRepo.load(h, record.id(), null));
      long nextPlan = state.map(EngineStateRepository.State::nextPlanSeq).orElse(1L);
      this.venue = venues.open(db, record, lease, clock);
      db.jdbi()
          .useTransaction(
              h -> {
                lease.check(h);
                new RunRepository()
                    .insert(
                        h,
                        new RunRecord(
                            run,
                            record.id(),
                            options.botVersion(),
                            venue.name(),
                            options.strategy(),
                            options.params().toString(),
                            options.host(),
                            options.pid(),
                            clock.instant(),
                            null,
                            null));
              });
      this.recorder = new EventRecorder(record.id(), run);
      this.writeAhead =
          venue instanceof CommitParticipant
              ? null
              : new EntryWriteAhead(recorder, db, lease, run, clock);
      PortfolioStrategy strategy = strategies.open(run, lease);
      DecisionJournal journal =
          strategy.deterministic()
              ? DecisionJournal.NONE
              : new StoreJournal(db, lease, record.id(), run, strategy.name(), instruments, clock);
      this.engine =
          Engine.builder()
              .config(
                  new EngineConfig(
                      options.botVersion(), "plan-", nextPlan, SameBarPolicy.STOP_FIRST))
              .portfolio(portfolio)
              .venue(venue)
              .risk(settings.caps().toRiskLimits())
              .strategy(strategy)
              .journal(journal)
              .clock(clock)
              .listener(writeAhead == null ? recorder : writeAhead)
              .overnight(settings.overnight().toRule())
              .build();
      this.days =
          new DayBook(
              record.id(),
              TradingDays.marketZone(record.calendar(), settings.timeZone()),
              record.startingCash(),
              portfolio,
              engine);
      PortfolioRestore.plansAndOrders(db, record.id(), instruments, engine, recorder);
      days.restore(state.map(EngineStateRepository.State::day).orElse(null));
      engine.restoreWidened(
          OvernightState.fromJson(state.map(EngineStateRepository.State::overnight).orElse(null)));
      state
          .map(EngineStateRepository.State::marks)
          .ifPresent(json -> PortfolioRestore.marks(portfolio, json));
      this.commit =
          new MomentCommit(
              db, lease, portfolio, recorder, days, telemetry, options.notifications(), clock);
      if (venue instanceof CommitParticipant books) {
        commit.joinedBy(books);
      }
      this.reconciler =
          new Reconciler(
              db,
              record.id(),
              record.baseCurrency(),
              venue,
              engine,
              portfolio.ledger(),
              recorder,
              instruments);
      this.manual = new ManualRequests(db, record, engine, instruments);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Starts a runner on the portfolio with the strategy its options name, on the paper exchange:
   * takes its lease, restores it and resyncs.
   */
  public static PortfolioRunner open(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock) {
    return open(
        db,
        record,
        settings,
        options,
        clock,
        StrategyCatalog.portfolio(options.strategy(), options.params()).get(),
        paper(options));
  }

  /**
   * As {@link #open(Database, PortfolioRecord, PortfolioSettings, RunnerOptions, Clock)}, with a
   * strategy of one instrument of one's own.
   */
  public static PortfolioRunner open(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock,
      StrategyFactory strategies) {
    return open(
        db,
        record,
        settings,
        options,
        clock,
        new PerInstrumentStrategies(strategies),
        paper(options));
  }

  /** A runner with a portfolio strategy of one's own, on the venue {@code venues} opens. */
  public static PortfolioRunner open(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock,
      PortfolioStrategy strategy,
      VenueFactory venues) {
    return open(db, record, settings, options, clock, (run, fence) -> strategy, venues);
  }

  /**
   * A runner whose strategy is made once the run exists and the lease is held ({@code strategies}),
   * on the venue {@code venues} opens.
   */
  public static PortfolioRunner open(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock,
      RunStrategy strategies,
      VenueFactory venues) {
    PortfolioRunner runner =
        new PortfolioRunner(db, record, settings, options, clock, strategies, venues);
    try {
      runner.openingResync = runner.resync();
      runner.dispatcher =
          Dispatcher.start(
              db,
              record,
              options.notifications(),
              Dispatcher.Timing.DEFAULT,
              () -> !runner.lease.isLost());
    } catch (RuntimeException e) {
      runner.endReason = "failed";
      runner.close();
      throw e;
    }
    return runner;
  }

  private static VenueFactory paper(RunnerOptions options) {
    return PaperExchange.factory(options.costs(), options.volumeShare());
  }

  /** What the resync done on opening found. */
  public ResyncReport openingResync() {
    return openingResync;
  }

  public RunId runId() {
    return run;
  }

  public Portfolio portfolio() {
    return portfolio;
  }

  /**
   * The telemetry this runner recorded and could not write (its run failed): the commit retries and
   * the failure itself, for the runner that carries on to {@link #recordEarlier}.
   */
  public List<TelemetryRepository.Event> unwrittenTelemetry() {
    return telemetry.unwritten();
  }

  /**
   * Writes events that happened before this runner took over (what a failed runner could not write,
   * the failed attempts to open the portfolio again), so they count on their trading day; one
   * without a day or run is filed under this runner's day and run.
   */
  public void recordEarlier(List<TelemetryRepository.Event> events) {
    if (events.isEmpty()) {
      return;
    }
    String day = days.day() == null ? null : days.day().toString();
    TelemetryRepository repo = new TelemetryRepository();
    Retrying.run(
        () ->
            db.jdbi()
                .inTransaction(
                    h -> {
                      lease.check(h);
                      List<TelemetryRepository.Event> filed = new ArrayList<>();
                      for (TelemetryRepository.Event e : events) {
                        filed.add(MomentCommit.onDay(e.run() == null ? e.withRun(run) : e, day));
                      }
                      filed.forEach(e -> repo.insert(h, e));
                      options.notifications().telemetry(h, filed, clock.instant());
                      return null;
                    }),
        MomentCommit.PATIENCE,
        Retrying.Listener.NONE);
  }

  private void statsCacheDiffered(String message) {
    telemetry.warn(clock.instant(), wallClockDay(clock.instant()), "stats-cache", message);
  }

  /**
   * Brings the ledger in line with the venue (missing fills, finished orders, drift) and commits
   * it. What it found is filed under the day it happened on the wall clock, not under the
   * portfolio's last market day, whose log it must not change.
   */
  public ResyncReport resync() {
    Instant now = clock.instant();
    ResyncReport report = reconciler.resync(now);
    if (report.fillsAdded() > 0 || report.ordersClosed() > 0 || !report.drift().isEmpty()) {
      telemetry.warn(
          now,
          wallClockDay(now),
          report.drift().isEmpty() ? "resync" : Notifications.DRIFT_KIND,
          report.summary());
    }
    if (venue.features().protectiveOrders()) {
      haltOnDrift(report, now);
      // An entry that filled just before a stop has no protection at the venue yet.
      engine.protectOpenPlans(now);
    }
    commit.venueCursor(reconciler.cursor());
    commit.commit(state(null, -1, 0), List.of(), List.of());
    return report;
  }

  /**
   * Halts new entries while the venue holds other positions than the ledger (a broker account
   * changed by hand, a fill lost), and lets them through again once the two agree.
   */
  private void haltOnDrift(ResyncReport report, Instant now) {
    List<String> positions =
        report.drift().stream().filter(d -> d.contains(" position: ")).toList();
    if (positions.isEmpty()) {
      engine.haltEntries(null);
      if (entriesHalted) {
        entriesHalted = false;
        telemetry.info(
            now,
            wallClockDay(now),
            PortfolioStatus.DRIFT_CLEARED,
            "the venue's positions agree with the ledger again; new entries resume");
      }
      return;
    }
    String why =
        "the venue's positions differ from the ledger's ("
            + String.join("; ", positions)
            + "); new entries are halted until they agree";
    engine.haltEntries(why);
    entriesHalted = true;
    telemetry.warn(now, wallClockDay(now), PortfolioStatus.DRIFT_HALT, why);
  }

  /** The market's date at {@code now} on the wall clock, whatever day the portfolio traded last. */
  private String wallClockDay(Instant now) {
    return TradingDays.dayOf(now, TradingDays.marketZone(record.calendar(), settings.timeZone()))
        .toString();
  }

  /**
   * Trades the feed from after the last moment this portfolio committed on it, until it ends or the
   * runner is stopped; returns how many bars it applied.
   *
   * @throws LeaseLostException if another runner took the portfolio over meanwhile
   */
  public int run(MarketFeed marketFeed) {
    try {
      return trade(marketFeed);
    } catch (LeaseLostException e) {
      endReason = "lease lost";
      throw e;
    } catch (RuntimeException | Error e) {
      // Whatever stopped the run (the feed, a catch-up, a commit) ends it as failed, not stopped.
      endReason = "failed";
      if (Retrying.isTransient(e)) {
        // Counted as the day's error once a runner that carries on writes it (recordEarlier).
        telemetry.error(
            clock.instant(),
            days.day() == null ? null : days.day().toString(),
            "database",
            "the run stopped: the database failed (" + Retrying.reason(e) + ")");
      }
      throw e;
    }
  }

  private int trade(MarketFeed marketFeed) {
    this.feed = marketFeed;
    if (stopRequested) {
      marketFeed.stop();
    }
    dailyFeed = marketFeed.daily();
    days.dataMayBeDaily(dailyFeed);
    engine.marketDays(TradingDays.marketDays(record.calendar(), settings.timeZone(), dailyFeed));
    var stored = db.jdbi().withHandle(h -> stateRepo.load(h, record.id(), marketFeed.name()));
    long position = stored.map(EngineStateRepository.State::feedPosition).orElse(-1L);
    Instant cursor = position < 0 ? null : Instant.ofEpochMilli(stored.get().lastEventMs());
    // The strategies' indicators and the overnight policy's ATRs are not stored: they see again
    // the moments committed before, so they are where an uninterrupted run would have them.
    marketFeed.resumeAfter(
        cursor,
        moment -> {
          know(moment);
          engine.warmUp(moment);
        });
    boolean live = marketFeed.live();
    if (dailyLogs != null && (cursor != null || live)) {
      // On the wall clock a day missed while the runner was stopped is written at once.
      dailyLogs.catchUp(live ? clock.instant() : marketNow(cursor));
    }
    long committed = position + 1;
    long started = System.nanoTime();
    int applied = 0;
    Instant lastTime = cursor;
    Group group = new Group(marketFeed.name(), live);
    applyRequests(marketFeed.name(), committed - 1, lastTime, live, () -> {});
    try {
      while (!stopRequested) {
        if (lease.isLost()) {
          throw new LeaseLostException(
              "lost the lease on portfolio "
                  + record.name()
                  + ": another runner took it over while this one was paused; it commits nothing"
                  + " more");
        }
        pace(started, applied);
        Moment moment = marketFeed.poll(live ? LIVE_WAIT : Duration.ZERO);
        if (live || System.nanoTime() - lastRequestCheck >= REQUEST_CHECK_NANOS) {
          // A replay's moments so far commit first, so requests apply between committed moments.
          long at = committed - 1;
          Instant time = lastTime;
          applyRequests(marketFeed.name(), at, time, live, () -> group.commit(at, time));
        }
        if (moment == null) {
          if (marketFeed.ended()) {
            break;
          }
          group.commit(committed - 1, lastTime);
          if (lastTime != null) {
            commitLateAnswers(marketFeed.name(), committed - 1, lastTime);
          }
          if (live) {
            commitVenueReports(marketFeed.name(), committed - 1, lastTime);
            checkDrift();
            if (dailyLogs != null) {
              dailyLogs.catchUp(clock.instant());
            }
          }
          continue;
        }
        group.add(know(moment), moment);
        for (Bar bar : moment.bars()) {
          days.beforeBar(bar);
        }
        engine.onMoment(moment);
        if (!marketFeed.live()) {
          awaitAnswers(moment);
        }
        for (Bar bar : moment.bars()) {
          days.afterBar(bar);
        }
        commit.momentDone();
        committed += moment.bars().size();
        applied += moment.bars().size();
        lastTime = moment.time();
        if (marketFeed.live() || group.full()) {
          group.commit(committed - 1, lastTime);
        }
        long left = marketFeed.remaining();
        progress.update(applied, left < 0 ? -1 : applied + left);
      }
    } catch (InterruptedException e) {
      group.commit(committed - 1, lastTime);
      Thread.currentThread().interrupt();
      return applied;
    }
    group.commit(committed - 1, lastTime);
    if (!stopRequested && marketFeed.ended()) {
      endReason = "feed ended";
      if (lastTime != null) {
        pruneBars(lastTime);
      }
    }
    return applied;
  }

  /**
   * The moments a replay has applied and not yet committed. A live feed commits each moment before
   * it acts on the next; a replay commits several together (group commit), up to {@link
   * #GROUP_BARS} bars or {@link #GROUP_TIME} of work, whichever comes first. Killed before a
   * group's commit, a restarted runner applies its moments again from the cursor committed before,
   * so it ends where an uninterrupted run does.
   */
  private final class Group {
    private final String feedName;
    private final boolean live;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Instrument> added = new ArrayList<>();
    private long startedNanos;

    Group(String feedName, boolean live) {
      this.feedName = feedName;
      this.live = live;
    }

    void add(List<Instrument> instruments, Moment moment) {
      if (bars.isEmpty()) {
        startedNanos = System.nanoTime();
      }
      added.addAll(instruments);
      bars.addAll(moment.bars());
    }

    boolean full() {
      return bars.size() >= groupBars || System.nanoTime() - startedNanos >= groupNanos;
    }

    /**
     * Commits the group's moments with the runner's position after them, then writes the daily logs
     * they made due (from what is committed, never from moments still to be committed): by the
     * market's time in a replay, by the wall clock too on a live feed.
     */
    void commit(long position, Instant lastTime) {
      if (bars.isEmpty()) {
        return;
      }
      commit.commit(state(feedName, position, lastTime.toEpochMilli()), added, bars);
      bars.clear();
      added.clear();
      if (dailyLogs != null) {
        Instant marketTime = marketNow(lastTime);
        Instant now = clock.instant();
        dailyLogs.catchUp(live && now.isAfter(marketTime) ? now : marketTime);
      }
    }
  }

  /**
   * Applies the trader's pending plan requests ({@code tradecore plan ...}, the API) now, and
   * commits what they did with their outcomes in one transaction, so each is applied exactly once:
   * a crash before that commit leaves them pending, to be applied by the next runner. For a command
   * that finds no runner trading the portfolio; a running runner does this on every loop turn.
   *
   * @return how many requests it resolved
   */
  public int applyRequestsNow() {
    var stored = db.jdbi().withHandle(h -> stateRepo.load(h, record.id(), null));
    Instant last =
        stored
            .map(EngineStateRepository.State::lastEventMs)
            .filter(ms -> ms > 0)
            .map(Instant::ofEpochMilli)
            .orElse(null);
    return applyRequests(null, -1, last, true, () -> {});
  }

  /**
   * Applies the pending plan requests at the market's time: the wall clock on a live feed, the last
   * moment's time in a replay (a replay's clock is its data's); {@code first} runs before, if there
   * are any.
   */
  private int applyRequests(
      String feedName, long position, Instant lastTime, boolean live, Runnable first) {
    lastRequestCheck = System.nanoTime();
    List<PlanRequestRepository.Request> pending =
        db.jdbi().withHandle(h -> requestRepo.pending(h, record.id()));
    if (pending.isEmpty()) {
      return 0;
    }
    first.run();
    Instant time = live || lastTime == null ? clock.instant() : lastTime;
    List<PlanRequestRepository.Outcome> outcomes = new ArrayList<>();
    for (PlanRequestRepository.Request r : pending) {
      ManualOutcome o = apply(r, time);
      if (o == null) {
        continue; // resolved with the plan's entry, before it went out
      }
      outcomes.add(
          o.accepted()
              ? PlanRequestRepository.Outcome.accepted(
                  r.id(), o.plan().value(), clock.instant(), run.value())
              : PlanRequestRepository.Outcome.refused(
                  r.id(), o.refusal(), clock.instant(), run.value()));
      if (!o.accepted() && o.cap() == null) {
        // A refusal by risk is a warning already, as the engine's refused order.
        telemetry.warn(
            clock.instant(),
            days.day() == null ? null : days.day().toString(),
            "plan-request",
            "plan request " + r.id() + " refused: " + o.refusal());
      }
    }
    commit.resolve(outcomes);
    commit.commit(
        lastTime == null || feedName == null
            ? state(null, -1, 0)
            : state(feedName, position, lastTime.toEpochMilli()),
        List.of(),
        List.of());
    return pending.size(); // each resolved: here, or with the entry it opened
  }

  /**
   * Applies the trader's request {@code r} at {@code time}. Returns its outcome for the moment's
   * commit to resolve, or null when it is resolved already: on a venue whose entries are written
   * ahead ({@link EntryWriteAhead}), a request that opened a plan is resolved ACCEPTED in the same
   * transaction as its entry, before the entry goes out.
   */
  private ManualOutcome apply(PlanRequestRepository.Request r, Instant time) {
    if (writeAhead == null) {
      return manual.apply(r, time);
    }
    writeAhead.applying(r);
    try {
      ManualOutcome o = manual.apply(r, time);
      return writeAhead.resolved() ? null : o;
    } finally {
      writeAhead.applying(null);
    }
  }

  /**
   * A replay waits for the strategy's late answers (a model's) after each moment, as a backtest
   * does, so they act where they were asked and a run is the same however fast the model answers.
   */
  private void awaitAnswers(Moment moment) throws InterruptedException {
    if (engine.awaitingAnswers() && !engine.awaitAnswers(answerWait)) {
      telemetry.warn(
          clock.instant(),
          days.day() == null ? null : days.day().toString(),
          "late-answer",
          "the strategy's answer for "
              + moment.time()
              + " did not come within "
              + answerWait.toSeconds()
              + " s; it acts when it comes");
    }
  }

  /** On a live feed, applies the answers that came between moments, and commits what they did. */
  private void commitLateAnswers(String feedName, long position, Instant lastTime) {
    if (!engine.awaitingAnswers()) {
      return;
    }
    engine.drain();
    if (!recorder.pending().isEmpty()) {
      commit.commit(state(feedName, position, lastTime.toEpochMilli()), List.of(), List.of());
    }
  }

  /**
   * How many bars a replay commits together at most, and within how long (by default 1,000 and 200
   * ms); 1 commits each moment on its own, as a live feed does.
   */
  void groupCommit(int bars, Duration within) {
    this.groupBars = bars;
    this.groupNanos = within.toNanos();
  }

  /** Where {@link #run} reports how far it has got, after each moment. */
  public void reportProgress(Progress value) {
    this.progress = value;
  }

  /**
   * On a live feed, applies what the venue reported between moments (a fill of a resting stop at
   * the broker) and commits it at once, so it is durable before the next bar.
   */
  private void commitVenueReports(String feedName, long position, Instant lastTime) {
    engine.drain();
    if (!recorder.pending().isEmpty()) {
      commit.commit(
          lastTime == null
              ? state(null, -1, 0)
              : state(feedName, position, lastTime.toEpochMilli()),
          List.of(),
          List.of());
    }
  }

  /**
   * On a venue that keeps protective orders, resyncs between moments every {@link #DRIFT_CHECK}:
   * fills the venue reported nowhere else are adopted, and entries halt while positions differ.
   */
  private void checkDrift() {
    if (!venue.features().protectiveOrders()) {
      return;
    }
    Instant now = clock.instant();
    if (nextDriftCheck == null) {
      nextDriftCheck = halfMinuteFrom(now.plus(DRIFT_CHECK));
    } else if (!now.isBefore(nextDriftCheck)) {
      nextDriftCheck = halfMinuteFrom(now.plus(DRIFT_CHECK));
      resync();
    }
  }

  /**
   * The first half-minute mark at or after {@code t}. A resync (several requests to the broker)
   * held there keeps clear of the bars, which come just after the minute, so it delays none.
   */
  static Instant halfMinuteFrom(Instant t) {
    Instant mark = t.truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
    return mark.isBefore(t) ? mark.plus(Duration.ofMinutes(1)) : mark;
  }

  /** How long a runner on a broker goes between checks of its positions against the broker's. */
  static final Duration DRIFT_CHECK = Duration.ofMinutes(15);

  /** How long a replay waits for one late strategy answer (default 10 minutes). */
  public void awaitAnswersUpTo(Duration wait) {
    this.answerWait = wait;
  }

  /** Makes the moment's instruments known, committing those new to the store at once. */
  private List<Instrument> know(Moment moment) {
    List<Instrument> added = new ArrayList<>();
    for (Bar bar : moment.bars()) {
      if (instruments.putIfAbsent(bar.instrument().symbol(), bar.instrument()) == null) {
        added.add(bar.instrument());
      }
    }
    if (!added.isEmpty()) {
      db.jdbi()
          .useTransaction(
              h -> {
                lease.check(h);
                added.forEach(i -> new InstrumentRepository().ensure(h, i));
              });
    }
    return added;
  }

  private EngineStateRepository.State state(String feedName, long position, long lastMs) {
    return new EngineStateRepository.State(
        feedName,
        position,
        lastMs,
        engine.nextPlanSequence(),
        days.day() == null ? null : days.day().toString(),
        OvernightState.toJson(engine.widenedLevels()),
        PortfolioRestore.marksJson(portfolio));
  }

  /**
   * Rolls intraday bars older than the retention window up into daily bars. The window counts back
   * from the newest moment of this portfolio or of any other, whichever is further behind, so no
   * portfolio's recent bars go; daily bars are never deleted.
   */
  private void pruneBars(Instant newest) {
    BarRepository.RollUp rolled =
        db.jdbi()
            .inTransaction(
                h -> {
                  lease.check(h);
                  Instant behind =
                      stateRepo
                          .furthestBehindMs(h)
                          .map(Instant::ofEpochMilli)
                          .filter(t -> t.isBefore(newest))
                          .orElse(newest);
                  return new BarRepository()
                      .rollUp(
                          h,
                          behind.minus(barRetention),
                          TradingDays.marketZone(record.calendar(), settings.timeZone()));
                });
    if (rolled.intradayBars() > 0) {
      telemetry.info(
          clock.instant(),
          days.day() == null ? null : days.day().toString(),
          "retention",
          "rolled "
              + rolled.intradayBars()
              + " intraday bar(s) older than "
              + barRetention.toDays()
              + " days up into "
              + rolled.dailyBars()
              + " daily bar(s)");
      commit.commit(state(null, -1, 0), List.of(), List.of());
    }
  }

  private void pace(long startedNanos, int applied) {
    if (options.barsPerSecond() <= 0) {
      return;
    }
    long due = startedNanos + (long) (applied * 1e9 / options.barsPerSecond());
    long wait;
    while (!stopRequested && (wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(Math.min(wait, 50_000_000L));
    }
  }

  /**
   * Writes the daily log as market time passes each day's close: a replay's clock is its market
   * data's, so a replay of old data logs its own days, each once, and catches up when {@link #run}
   * starts (up to the last moment committed before).
   */
  public void writeDailyLogs(DailyLogs logs) {
    this.dailyLogs = logs;
    logs.fencedBy(lease);
    logs.notifyThrough(options.notifications());
  }

  /**
   * The market's clock after a moment: a bar of daily data (a date with no time) is a whole
   * session, so once it is applied its day's log is due; an intraday bar's time is the time.
   */
  private Instant marketNow(Instant eventTime) {
    if (dailyFeed && eventTime.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      LocalDate day = TradingDays.dayOf(eventTime, dailyLogs.calendar().zone());
      if (dailyLogs.calendar().isTradingDay(day)) {
        return dailyLogs.dueAt(day);
      }
    }
    return eventTime;
  }

  /**
   * How long stored intraday bars are kept before they are rolled up into daily bars, counted back
   * in market time (so a replay of old data prunes the same way a live feed does).
   */
  public void retainBars(Duration window) {
    this.barRetention = window;
  }

  /** Asks the run loop to stop after the moment it is applying (from a signal handler). */
  public void stop() {
    stopRequested = true;
    MarketFeed current = feed;
    if (current != null) {
      current.stop();
    }
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    try {
      if (!lease.isLost()) {
        db.jdbi()
            .useTransaction(
                h -> {
                  lease.check(h);
                  new RunRepository().end(h, run, clock.instant(), endReason);
                });
      }
    } catch (LeaseLostException e) {
      // Another runner has the portfolio: this one's run row stays as it was.
    } finally {
      if (venue instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // The venue's connections end with the process anyway.
        }
      }
      lease.close();
      telemetry.close();
    }
  }
}
