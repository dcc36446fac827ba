package io.tradecore.runner;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.OrderRole;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.EngineConfig;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.core.feed.Moment;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.SameBarPolicy;
import io.tradecore.core.venue.ExecutionReport;
import io.tradecore.core.venue.VenueOrder;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.days.DayBook;
import io.tradecore.runner.days.OvernightPolicy;
import io.tradecore.runner.days.TradingDays;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.runner.paper.PaperExchange;
import io.tradecore.runner.telemetry.Telemetry;
import io.tradecore.store.BarRepository;
import io.tradecore.store.Codec;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import io.tradecore.store.PaperRepository;
import io.tradecore.store.PlanRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import io.tradecore.store.StatsRepository;
import io.tradecore.store.TelemetryRepository;
import io.tradecore.strategies.StrategyCatalog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Trades one portfolio durably: holds its lease, restores it from the store (fills, plans, working
 * orders, feed position, day and overnight state), resyncs with the paper exchange, then applies
 * each market event and commits everything it caused, with the feed position, in one transaction.
 * Killed at any point, a restarted runner carries on as if nothing had happened.
 */
public final class PortfolioRunner implements AutoCloseable {
  private final Database db;
  private final PortfolioRecord record;
  private final RunId run;
  private final Lease lease;
  private final Clock clock;
  private final Map<String, Instrument> instruments;
  private final Portfolio portfolio;
  private final PaperExchange exchange;
  private final EventRecorder recorder;
  private final Engine engine;
  private final DayBook days;
  private final OvernightPolicy overnight;
  private final Telemetry telemetry;
  private final RunnerOptions options;
  private final EngineStateRepository stateRepo = new EngineStateRepository();
  private final BarRepository bars = new BarRepository();
  private Duration barRetention = Duration.ofDays(730);
  private DailyLogs dailyLogs;
  private boolean dailyFeed;
  private ResyncReport openingResync;
  private volatile boolean stopRequested;
  private String endReason = "stopped";

  private PortfolioRunner(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock,
      StrategyFactory strategies) {
    this.db = db;
    this.record = record;
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
      db.jdbi()
          .useTransaction(
              h ->
                  new RunRepository()
                      .insert(
                          h,
                          new RunRecord(
                              run,
                              record.id(),
                              options.botVersion(),
                              "paper",
                              options.strategy(),
                              options.params().toString(),
                              options.host(),
                              options.pid(),
                              clock.instant(),
                              null,
                              null)));
      this.instruments = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
      List<Fill> fills =
          db.jdbi().withHandle(h -> new FillRepository().all(h, record.id(), instruments));
      this.portfolio =
          Portfolio.rebuild(record.id(), record.baseCurrency(), record.startingCash(), fills);
      checkStatsCache();
      var state = db.jdbi().withHandle(h -> stateRepo.load(h, record.id(), null));
      long nextPlan = state.map(EngineStateRepository.State::nextPlanSeq).orElse(1L);
      this.exchange =
          new PaperExchange(
              db,
              record.id().value(),
              record.baseCurrency(),
              record.startingCash(),
              options.costs(),
              options.volumeShare(),
              clock);
      this.recorder = new EventRecorder(record.id(), run);
      this.engine =
          Engine.builder()
              .config(
                  new EngineConfig(
                      options.botVersion(), "plan-", nextPlan, SameBarPolicy.STOP_FIRST))
              .portfolio(portfolio)
              .venue(exchange)
              .risk(settings.caps().toRiskLimits())
              .strategy(strategies)
              .clock(clock)
              .listener(recorder)
              .build();
      this.overnight = new OvernightPolicy(settings.overnight(), record.calendar(), engine);
      this.days =
          new DayBook(
              record.id(),
              settings.timeZone(),
              record.startingCash(),
              portfolio,
              engine,
              overnight);
      restorePlansAndOrders();
      Instant last =
          db.jdbi()
              .withHandle(h -> stateRepo.lastEventMs(h, record.id()))
              .map(Instant::ofEpochMilli)
              .orElse(null);
      days.restore(state.map(EngineStateRepository.State::day).orElse(null), last);
      overnight.restore(state.map(EngineStateRepository.State::overnight).orElse(null));
      state.map(EngineStateRepository.State::marks).ifPresent(this::restoreMarks);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** Starts a runner on the portfolio: takes its lease, restores it and resyncs. */
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
        StrategyCatalog.factory(options.strategy(), options.params()));
  }

  /**
   * As {@link #open(Database, PortfolioRecord, PortfolioSettings, RunnerOptions, Clock)}, with a
   * strategy of one's own.
   */
  public static PortfolioRunner open(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      RunnerOptions options,
      Clock clock,
      StrategyFactory strategies) {
    PortfolioRunner runner = new PortfolioRunner(db, record, settings, options, clock, strategies);
    try {
      runner.openingResync = runner.resync();
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    return runner;
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

  private void restoreMarks(String json) {
    if (json == null) {
      return;
    }
    Codec.readMap(json)
        .forEach((symbol, price) -> portfolio.mark(symbol, new BigDecimal(String.valueOf(price))));
  }

  private String marksJson() {
    Map<String, String> out = new TreeMap<>();
    portfolio.marks().forEach((symbol, price) -> out.put(symbol, price.toPlainString()));
    return Codec.write(out);
  }

  private void checkStatsCache() {
    var cached = db.jdbi().withHandle(h -> new StatsRepository().load(h, record.id()));
    var rebuilt = StatsRepository.Stats.of(portfolio.ledger());
    if (cached.isPresent() && !cached.get().sameAs(rebuilt)) {
      telemetry.warn(
          clock.instant(),
          null,
          "stats-cache",
          "the stats cache differed from a rebuild from fills (cash "
              + cached.get().cash().toPlainString()
              + " vs "
              + rebuilt.cash().toPlainString()
              + "); the fills win and the cache is rewritten");
    }
  }

  private void restorePlansAndOrders() {
    OrderRepository orders = new OrderRepository();
    List<OrderRecord> all = db.jdbi().withHandle(h -> orders.all(h, record.id(), instruments));
    List<Plan> open =
        db.jdbi().withHandle(h -> new PlanRepository().open(h, record.id(), instruments));
    for (Plan plan : open) {
      int exits =
          (int)
              all.stream()
                  .filter(
                      o ->
                          !o.entry()
                              && plan.id().equals(o.order().planId())
                              && !"REFUSED".equals(o.status()))
                  .count();
      engine.restorePlan(plan, exits);
    }
    for (OrderRecord o : all) {
      if ("WORKING".equals(o.status())) {
        engine.restoreWorkingOrder(
            o.order(), o.entry() ? OrderRole.ENTRY : OrderRole.EXIT, o.exitReason());
        recorder.know(o);
      }
    }
  }

  /** Brings the ledger in line with the paper exchange: missing fills, closed orders, drift. */
  public ResyncReport resync() {
    PaperRepository paper = new PaperRepository();
    String account = exchange.account();
    Instant now = clock.instant();
    long known =
        db.jdbi().withHandle(h -> paper.lastSeqKnownToLedger(h, account, record.id().value()));
    List<Fill> fills = exchange.fillsSince(String.valueOf(known)).fills();
    List<Fill> missing = new ArrayList<>();
    for (Fill fill : fills) {
      if (!db.jdbi()
          .withHandle(h -> new FillRepository().contains(h, record.id(), fill.tradeId()))) {
        missing.add(fill);
      }
    }
    recorder.fillSource("resync");
    for (int i = 0; i < missing.size(); i++) {
      Fill fill = missing.get(i);
      VenueOrder order = exchange.order(fill.orderId()).orElse(null);
      if (order != null && !engine.isWorking(fill.orderId())) {
        engine.adopt(order.order());
      }
      boolean lastOfOrder = true;
      for (int j = i + 1; j < missing.size(); j++) {
        lastOfOrder &= !missing.get(j).orderId().equals(fill.orderId());
      }
      boolean done = order == null || (!order.status().isOpen() && lastOfOrder);
      engine.apply(
          done ? new ExecutionReport.Filled(fill) : new ExecutionReport.PartiallyFilled(fill));
    }
    int added = missing.size();
    int closed = 0;
    List<OrderRecord> working =
        db.jdbi()
            .withHandle(
                h -> new OrderRepository().withStatus(h, record.id(), "WORKING", instruments));
    for (OrderRecord o : working) {
      OrderStatus status =
          exchange.order(o.order().id()).map(VenueOrder::status).orElse(OrderStatus.CANCELLED);
      if (status.isOpen()) {
        continue;
      }
      ClientOrderId id = o.order().id();
      switch (status) {
        case FILLED -> engine.forgetFilled(id);
        case EXPIRED -> engine.apply(new ExecutionReport.Expired(id, now));
        case REJECTED -> engine.apply(new ExecutionReport.Rejected(id, now, "rejected"));
        default -> engine.apply(new ExecutionReport.Cancelled(id, now));
      }
      recorder.closed(o, status.name(), now);
      closed++;
    }
    List<String> drift = new ArrayList<>();
    BigDecimal paperCash = exchange.balances().getOrDefault(record.baseCurrency(), BigDecimal.ZERO);
    if (paperCash.compareTo(portfolio.ledger().cash()) != 0) {
      drift.add(
          "cash: exchange "
              + paperCash.toPlainString()
              + " vs ledger "
              + portfolio.ledger().cash().toPlainString());
    }
    commit(null, -1, null);
    recorder.fillSource("engine");
    ResyncReport report = new ResyncReport(added, closed, drift);
    if (added > 0 || closed > 0 || !drift.isEmpty()) {
      telemetry.warn(
          now, days.day() == null ? null : days.day().toString(), "resync", report.summary());
      commit(null, -1, null);
    }
    return report;
  }

  /** Replays the feed from after the last event this portfolio committed on it, until it ends. */
  public int run(ReplayFeed feed) {
    db.jdbi()
        .useTransaction(
            h -> feed.series().forEach(s -> new InstrumentRepository().ensure(h, s.instrument())));
    feed.series()
        .forEach(
            s -> {
              instruments.putIfAbsent(s.instrument().symbol(), s.instrument());
              exchange.know(s.instrument());
            });
    long position =
        db.jdbi()
            .withHandle(h -> stateRepo.load(h, record.id(), feed.name()))
            .map(EngineStateRepository.State::feedPosition)
            .orElse(-1L);
    dailyFeed = feed.daily();
    days.dataMayBeDaily(dailyFeed);
    // The strategies' indicators and the overnight policy's ATRs are not stored: they see again
    // the events committed before, so they are where an uninterrupted run would have them.
    for (int i = 0; i <= position && i < feed.size(); i++) {
      engine.warmUp(Moment.of(feed.event(i)));
      days.warmUp(feed.event(i));
    }
    if (dailyLogs != null) {
      db.jdbi()
          .withHandle(h -> stateRepo.lastEventMs(h, record.id()))
          .filter(ms -> ms > 0)
          .ifPresent(ms -> dailyLogs.catchUp(marketNow(Instant.ofEpochMilli(ms))));
    }
    long started = System.nanoTime();
    int applied = 0;
    for (int i = (int) position + 1; i < feed.size(); i++) {
      if (stopRequested) {
        return applied;
      }
      if (lease.isLost()) {
        endReason = "lease lost";
        throw new IllegalStateException(
            "the lease on portfolio " + record.name() + " was lost; stopping before trading again");
      }
      pace(started, applied);
      Bar bar = feed.event(i);
      days.beforeBar(bar);
      engine.onBar(bar);
      days.afterBar(bar);
      commit(feed.name(), i, bar);
      applied++;
      // Events at the same moment (one bar per symbol) finish together before the clock moves.
      boolean momentEnds = i + 1 == feed.size() || !feed.event(i + 1).time().equals(bar.time());
      if (dailyLogs != null && momentEnds) {
        dailyLogs.catchUp(marketNow(bar.time()));
      }
    }
    pruneBars(feed);
    endReason = "feed ended";
    return applied;
  }

  private void pruneBars(ReplayFeed feed) {
    if (feed.size() == 0) {
      return;
    }
    Instant newest = feed.event(feed.size() - 1).time();
    int pruned = db.jdbi().inTransaction(h -> bars.prune(h, newest.minus(barRetention)));
    if (pruned > 0) {
      telemetry.info(
          clock.instant(),
          days.day() == null ? null : days.day().toString(),
          "retention",
          "pruned " + pruned + " bar(s) older than " + barRetention.toDays() + " days");
      commit(null, -1, null);
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

  private void commit(String feed, long position, Bar bar) {
    String day = days.day() == null ? null : days.day().toString();
    for (EngineEvent e : recorder.pending()) {
      if (e instanceof EngineEvent.SignalEmitted s) {
        telemetry.signal(s.time(), day, s.instrument().symbol() + " " + s.action());
      } else if (e instanceof EngineEvent.OrderRefused r) {
        telemetry.warn(r.time(), day, "risk-refusal", r.refusal().message());
      } else if (e instanceof EngineEvent.EngineError err) {
        telemetry.error(err.time(), day, err.kind(), err.message());
      }
    }
    List<TelemetryRepository.Event> events = telemetry.drain();
    EngineStateRepository.State state =
        new EngineStateRepository.State(
            feed,
            position,
            bar == null ? 0 : bar.time().toEpochMilli(),
            engine.nextPlanSequence(),
            day,
            overnight.state(),
            marksJson());
    db.jdbi()
        .useTransaction(
            h -> {
              recorder.flush(h);
              days.flush(h);
              TelemetryRepository telemetryRepo = new TelemetryRepository();
              events.forEach(ev -> telemetryRepo.insert(h, ev));
              new StatsRepository()
                  .save(
                      h,
                      record.id(),
                      StatsRepository.Stats.of(portfolio.ledger()),
                      clock.instant());
              stateRepo.save(h, record.id(), state);
              if (bar != null) {
                bars.insertIfAbsent(h, List.of(bar));
              }
            });
  }

  /**
   * Writes the daily log as market time passes each day's close: a replay's clock is its market
   * data's, so a replay of old data logs its own days, each once, and catches up when {@link #run}
   * starts (up to the last event committed before).
   */
  public void writeDailyLogs(DailyLogs logs) {
    this.dailyLogs = logs;
  }

  /**
   * The market's clock after an event: a bar of daily data (a date with no time) is a whole
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
   * How long stored bars are kept, counted back from the newest event in market time (so a replay
   * of old data prunes the same way a live feed does).
   */
  public void retainBars(Duration window) {
    this.barRetention = window;
  }

  /** Asks the run loop to stop after the event it is applying (from a signal handler). */
  public void stop() {
    stopRequested = true;
  }

  @Override
  public void close() {
    try {
      db.jdbi().useTransaction(h -> new RunRepository().end(h, run, clock.instant(), endReason));
    } finally {
      lease.close();
      telemetry.close();
    }
  }
}
