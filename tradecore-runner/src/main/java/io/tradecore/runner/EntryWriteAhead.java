package io.tradecore.runner;

import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.PlanRequestRepository;
import io.tradecore.store.Retrying;
import java.time.Clock;
import java.util.List;

/**
 * Makes an entry's plan durable before the entry goes to a venue that keeps its books outside the
 * runner's database (a broker). The engine tells its listener of an order just before it sends it;
 * for an entry, the plan as opened and the order as working are written then, in a transaction of
 * their own, and the moment's commit leaves them out. So a runner that dies after the broker took
 * an entry and before the moment's commit leaves the plan behind: the next runner restores it,
 * applies the entry's fills from the broker and protects the position. An entry written and never
 * sent (the runner died in between) is unknown to the broker, and the next runner's resync cancels
 * it, with its plan. A trader's request that opened the plan is resolved in the same transaction,
 * so the next runner does not open it again.
 *
 * <p>The transaction waits for no disk flush ({@link Database#useUnsyncedTransaction}): it is on
 * the path from a bar to the broker, it survives the runner's process dying, and the moment's
 * commit that follows is flushed.
 */
final class EntryWriteAhead implements EngineListener {
  private final EventRecorder recorder;
  private final Database db;
  private final Fence fence;
  private final RunId run;
  private final Clock clock;
  private final PlanRequestRepository requests = new PlanRequestRepository();

  /** The trader's request being applied, if any. */
  private PlanRequestRepository.Request applying;

  /** Whether that request was resolved with the entry it opened. */
  private boolean resolved;

  EntryWriteAhead(EventRecorder recorder, Database db, Fence fence, RunId run, Clock clock) {
    this.recorder = recorder;
    this.db = db;
    this.fence = fence;
    this.run = run;
    this.clock = clock;
  }

  /** Entries sent from now on come of the trader's request {@code r} (null: of none). */
  void applying(PlanRequestRepository.Request r) {
    this.applying = r;
    this.resolved = false;
  }

  /** True once the request being applied was resolved with the entry it opened. */
  boolean resolved() {
    return resolved;
  }

  @Override
  public void on(EngineEvent event) {
    recorder.on(event);
    if (!(event instanceof EngineEvent.OrderSubmitted s) || s.exitReason() != null) {
      return;
    }
    List<EngineEvent> opening = recorder.opening(s.order());
    PlanRequestRepository.Outcome outcome =
        applying == null || resolved
            ? null
            : PlanRequestRepository.Outcome.accepted(
                applying.id(), s.order().planId().value(), clock.instant(), run.value());
    Retrying.run(
        () -> {
          db.useUnsyncedTransaction(
              h -> {
                fence.check(h);
                recorder.writeAhead(h, opening);
                if (outcome != null && !requests.resolve(h, outcome)) {
                  throw new IllegalStateException(
                      "plan request " + outcome.requestId() + " was resolved already");
                }
              });
          return null;
        },
        MomentCommit.PATIENCE,
        Retrying.Listener.NONE);
    recorder.writtenAhead(opening);
    resolved |= outcome != null;
  }
}
