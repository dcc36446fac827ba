package io.tradecore.runner;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.runner.days.DayBook;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.runner.telemetry.Telemetry;
import io.tradecore.store.BarRepository;
import io.tradecore.store.Database;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.Fence;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PlanRequestRepository;
import io.tradecore.store.Retrying;
import io.tradecore.store.StatsRepository;
import io.tradecore.store.TelemetryRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits what one moment did, in one transaction checked by the runner's lease: the engine's
 * orders, fills, plans and decision, the day's snapshot, telemetry, the notifications they call
 * for, the stats cache, where the runner stands (feed cursor, plan sequence, day, overnight state,
 * marks), the moment's bars and the outcomes of the trader's plan requests it applied. A commit
 * that fails for a passing reason (a dropped connection, a locked database) is tried again; a lost
 * lease fails it for good.
 */
final class MomentCommit {
  /** How long a commit keeps trying through passing failures before the run gives up. */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  private final Database db;
  private final Fence fence;
  private final PortfolioId id;
  private final Portfolio portfolio;
  private final EventRecorder recorder;
  private final DayBook days;
  private final Telemetry telemetry;
  private final Notifications notifications;
  private final Clock clock;
  private final EngineStateRepository stateRepo = new EngineStateRepository();
  private final BarRepository bars = new BarRepository();
  private final InstrumentRepository instrumentRepo = new InstrumentRepository();
  private final TelemetryRepository telemetryRepo = new TelemetryRepository();
  private final StatsRepository statsRepo = new StatsRepository();
  private final PlanRequestRepository requests = new PlanRequestRepository();
  private String venueCursor;
  private List<PlanRequestRepository.Outcome> outcomes = List.of();

  MomentCommit(
      Database db,
      Fence fence,
      Portfolio portfolio,
      EventRecorder recorder,
      DayBook days,
      Telemetry telemetry,
      Notifications notifications,
      Clock clock) {
    this.db = db;
    this.fence = fence;
    this.id = portfolio.id();
    this.portfolio = portfolio;
    this.recorder = recorder;
    this.days = days;
    this.telemetry = telemetry;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * Resolves these plan requests with the next commit, in its transaction: a request is marked done
   * exactly when what it did is committed.
   */
  void resolve(List<PlanRequestRepository.Outcome> value) {
    this.outcomes = List.copyOf(value);
  }

  /** Keeps the venue's cursor with the next commit. */
  void venueCursor(String cursor) {
    this.venueCursor = cursor;
  }

  /**
   * Commits the pending effects with the runner's new position.
   *
   * @param state where the runner stands after them
   * @param newInstruments instruments to make known first (a feed's), or empty
   * @param moment the moment's bars to keep, or empty
   */
  void commit(
      EngineStateRepository.State state, List<Instrument> newInstruments, List<Bar> moment) {
    String day = days.day() == null ? null : days.day().toString();
    // What was recorded beside the moment (and any commit retries) is handed on if the commit
    // fails for good; what the moment's engine events say is said again when it is replayed.
    List<TelemetryRepository.Event> kept = new ArrayList<>(telemetry.drain());
    for (EngineEvent e : recorder.pending()) {
      switch (e) {
        case EngineEvent.SignalEmitted s ->
            telemetry.signal(s.time(), day, s.instrument().symbol() + " " + s.action());
        case EngineEvent.OrderRefused r ->
            telemetry.warn(r.time(), day, "risk-refusal", r.refusal().message());
        case EngineEvent.EngineError err ->
            telemetry.error(err.time(), day, err.kind(), err.message());
        default -> {}
      }
    }
    List<TelemetryRepository.Event> fromMoment = telemetry.drain();
    StatsRepository.Stats stats = StatsRepository.Stats.of(portfolio.ledger());
    try {
      Retrying.run(
          () ->
              db.jdbi()
                  .inTransaction(
                      h -> {
                        fence.check(h);
                        newInstruments.forEach(i -> instrumentRepo.ensure(h, i));
                        recorder.flush(h);
                        days.flush(h);
                        List<TelemetryRepository.Event> events = new ArrayList<>();
                        kept.forEach(ev -> events.add(onDay(ev, day)));
                        events.addAll(fromMoment);
                        events.forEach(ev -> telemetryRepo.insert(h, ev));
                        notifications.stage(h, recorder.pending(), events, clock.instant());
                        statsRepo.save(h, id, stats, clock.instant());
                        stateRepo.save(h, id, state);
                        if (venueCursor != null) {
                          stateRepo.saveVenueCursor(h, id, venueCursor);
                        }
                        if (!moment.isEmpty()) {
                          bars.insertIfAbsent(h, moment);
                        }
                        for (PlanRequestRepository.Outcome o : outcomes) {
                          if (!requests.resolve(h, o)) {
                            throw new IllegalStateException(
                                "plan request " + o.requestId() + " was resolved already");
                          }
                        }
                        return null;
                      }),
          PATIENCE,
          (attempt, reason, pause) -> {
            // Written by the attempt that goes through, so the moment's day counts its retries
            // before its log can be written.
            telemetry.error(
                clock.instant(),
                day,
                "commit-retry",
                "a commit failed (" + reason + "); trying again in " + pause.toMillis() + " ms");
            kept.addAll(telemetry.drain());
          });
    } catch (RuntimeException e) {
      telemetry.undrain(kept);
      throw e;
    }
    recorder.committed();
    days.committed();
    venueCursor = null;
    outcomes = List.of();
  }

  /** An event recorded before the runner knew its day (at its start) is filed under the current. */
  static TelemetryRepository.Event onDay(TelemetryRepository.Event e, String day) {
    return e.day() != null || day == null
        ? e
        : new TelemetryRepository.Event(
            e.portfolio(), e.run(), e.time(), day, e.level(), e.kind(), e.message());
  }
}
