package io.tradecore.core.engine;

import io.tradecore.core.venue.ExecutionReport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * What reaches the engine from other threads, in arrival order: execution reports and strategy
 * answers that arrived late. Any thread may add; the engine's thread takes.
 */
final class Inbox {
  /** An answer a strategy handed over with {@link MomentContext#answerLater}, now arrived. */
  record LateAnswer(Instant moment, List<Action> actions, Throwable error) {}

  private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
  private final Object signal = new Object();

  void report(ExecutionReport report) {
    items.add(report);
  }

  void answer(LateAnswer answer) {
    items.add(answer);
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  Object poll() {
    return items.poll();
  }

  /** Waits up to {@code nanos} for something to arrive; false if nothing did. */
  boolean await(long nanos) throws InterruptedException {
    synchronized (signal) {
      if (items.isEmpty()) {
        TimeUnit.NANOSECONDS.timedWait(signal, nanos);
      }
      return !items.isEmpty();
    }
  }
}
