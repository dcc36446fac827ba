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
 * Commits what one moment (or a replay's few) did, in one transaction checked by the runner's
 * lease: the engine's orders, fills, plans and decision, the day's snapshot, telemetry, the
 * notifications they call for, the stats cache, where the runner stands (feed cursor, plan
 * sequence, day, overnight state, marks), the moments' bars and the outcomes of the trader's plan
 * requests it applied. A commit that fails for a passing reason (a dropped connection, a locked
 * database) is tried again; a lost lease fails it for good.
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
  private CommitParticipant venue;

  /** Recorded beside the moments since the last commit (and its retries), filed under a day. */
  private final List<TelemetryRepository.Event> kept = new ArrayList<>();

  /** What the moments' engine events said since the last commit. */
  private final List<TelemetryRepository.Event> fromMoments = new ArrayList<>();

  /** How many of the recorder's pending events {@link #momentDone} has filed. */
  private int filed;

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

  /** Writes what {@code value} (a venue keeping its books in the runner's database) did, too. */
  void joinedBy(CommitParticipant value) {
    value.deferWrites();
    this.venue = value;
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
   * Files what the moment just applied said (its signals, refusals and errors, and what was
   * recorded beside it) under the moment's day, to be written by the next {@link #commit}. A replay
   * applies several moments before it commits them together; each keeps its own day.
   */
  void momentDone() {
    String day = day();
    for (TelemetryRepository.Event e : telemetry.drain()) {
      kept.add(onDay(e, day));
    }
    List<EngineEvent> events = recorder.pendingFrom(filed);
    for (EngineEvent e : events) {
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
    filed += events.size();
    fromMoments.addAll(telemetry.drain());
  }

  /**
   * Commits the pending effects of the moments applied since the last commit, with the runner's new
   * position.
   *
   * @param state where the runner stands after them
   * @param newInstruments instruments to make known first (a feed's), or empty
   * @param moments the moments' bars to keep, or empty
   */
  void commit(
      EngineStateRepository.State state, List<Instrument> newInstruments, List<Bar> moments) {
    momentDone();
    String day = day();
    StatsRepository.Snapshot stats = StatsRepository.Snapshot.of(portfolio);
    try {
      Retrying.run(
          () ->
              db.jdbi()
                  .inTransaction(
                      h -> {
                        fence.check(h);
                        newInstruments.forEach(i -> instrumentRepo.ensure(h, i));
                        if (venue != null) {
                          venue.flush(h);
                        }
                        recorder.flush(h);
                        days.flush(h);
                        List<TelemetryRepository.Event> events = new ArrayList<>(kept);
                        events.addAll(fromMoments);
                        events.forEach(ev -> telemetryRepo.insert(h, ev));
                        notifications.stage(h, recorder.pending(), events, clock.instant());
                        statsRepo.save(h, id, stats, clock.instant());
                        stateRepo.save(h, id, state);
                        if (venueCursor != null) {
                          stateRepo.saveVenueCursor(h, id, venueCursor);
                        }
                        if (!moments.isEmpty()) {
                          bars.insertIfAbsent(h, moments);
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
      // What was recorded beside the moments (and the commit's retries) is handed on; what their
      // engine events said is said again when they are replayed.
      telemetry.undrain(kept);
      kept.clear();
      fromMoments.clear();
      filed = 0;
      throw e;
    }
    if (venue != null) {
      venue.committed();
    }
    recorder.committed();
    days.committed();
    kept.clear();
    fromMoments.clear();
    filed = 0;
    venueCursor = null;
    outcomes = List.of();
  }

  private String day() {
    return days.day() == null ? null : days.day().toString();
  }

  /** An event recorded before the runner knew its day (at its start) is filed under the current. */
  static TelemetryRepository.Event onDay(TelemetryRepository.Event e, String day) {
    return e.day() != null || day == null
        ? e
        : new TelemetryRepository.Event(
            e.portfolio(), e.run(), e.time(), day, e.level(), e.kind(), e.message());
  }
}
