package io.tradecore.runner;

import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.Retrying;
import java.util.List;

/**
 * Makes an entry's plan durable before the entry goes to a venue that keeps its books outside the
 * runner's database (a broker). The engine tells its listener of an order just before it sends it;
 * for an entry, the plan as opened and the order as working are written then, in a transaction of
 * their own, and the moment's commit leaves them out. So a runner that dies after the broker took
 * an entry and before the moment's commit leaves the plan behind: the next runner restores it,
 * applies the entry's fills from the broker and protects the position. An entry written and never
 * sent (the runner died in between) is unknown to the broker, and the next runner's resync cancels
 * it, with its plan.
 *
 * <p>The transaction waits for no disk flush ({@link Database#useUnsyncedTransaction}): it is on
 * the path from a bar to the broker, it survives the runner's process dying, and the moment's
 * commit that follows is flushed.
 */
final class EntryWriteAhead implements EngineListener {
  private final EventRecorder recorder;
  private final Database db;
  private final Fence fence;

  EntryWriteAhead(EventRecorder recorder, Database db, Fence fence) {
    this.recorder = recorder;
    this.db = db;
    this.fence = fence;
  }

  @Override
  public void on(EngineEvent event) {
    recorder.on(event);
    if (event instanceof EngineEvent.OrderSubmitted s && s.exitReason() == null) {
      List<EngineEvent> opening = recorder.opening(s.order());
      Retrying.run(
          () -> {
            db.useUnsyncedTransaction(
                h -> {
                  fence.check(h);
                  recorder.writeAhead(h, opening);
                });
            return null;
          },
          MomentCommit.PATIENCE,
          Retrying.Listener.NONE);
      recorder.writtenAhead(opening);
    }
  }
}
