package io.tradecore.runner.alpaca;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of an account's order events has gone to the engine: each execution once (by its execution
 * id), each order's fills in the order they happened (by the order's filled quantity after each),
 * and an order's end only after its fills. Events from the stream and the FILL activities may
 * repeat and arrive out of order: one whose predecessor has not arrived waits here. Thread-safe.
 *
 * @param <T> what an event carries for whoever delivers it
 */
final class Executions<T> {
  /** One event of broker order {@code orderId}: an execution, or the order's end. */
  record Event<T>(
      String orderId, String executionId, BigDecimal qty, BigDecimal cumAfter, T payload) {
    boolean execution() {
      return executionId != null;
    }

    BigDecimal before() {
      return cumAfter.subtract(qty);
    }
  }

  private final Set<String> delivered = new HashSet<>();
  private final Set<String> ended = new HashSet<>();
  private final Map<String, BigDecimal> filled = new HashMap<>();
  private final List<Event<T>> waiting = new ArrayList<>();

  /** Counts an execution delivered before (in the ledger already) toward its order's fills. */
  synchronized void alreadyDelivered(String orderId, String executionId, BigDecimal qty) {
    if (delivered.add(executionId)) {
      filled.merge(orderId, qty, BigDecimal::add);
    }
  }

  /** True when the execution has gone to the engine. */
  synchronized boolean isDelivered(String executionId) {
    return delivered.contains(executionId);
  }

  /** How much of broker order {@code orderId} has gone to the engine. */
  synchronized BigDecimal filled(String orderId) {
    return filled.getOrDefault(orderId, BigDecimal.ZERO);
  }

  /**
   * Offers one event; returns the events now due, in order: none if it is a repeat or must wait for
   * an earlier one, else it and any waiting events it releases.
   */
  synchronized List<Event<T>> offer(Event<T> event) {
    List<Event<T>> due = new ArrayList<>();
    if (seen(event)) {
      return due;
    }
    if (!ready(event)) {
      waiting.add(event);
      return due;
    }
    take(event, due);
    release(due);
    return due;
  }

  /** Waiting events that have become due (their predecessors came by another path). */
  synchronized List<Event<T>> due() {
    List<Event<T>> due = new ArrayList<>();
    release(due);
    return due;
  }

  /** How many events wait for an earlier one. */
  synchronized int waitingCount() {
    return waiting.size();
  }

  private void release(List<Event<T>> due) {
    boolean more = true;
    while (more) {
      more = false;
      for (Iterator<Event<T>> it = waiting.iterator(); it.hasNext(); ) {
        Event<T> e = it.next();
        if (e.execution() ? delivered.contains(e.executionId()) : ended.contains(e.orderId())) {
          it.remove();
        } else if (ready(e)) {
          it.remove();
          take(e, due);
          more = true;
        }
      }
    }
  }

  private boolean seen(Event<T> e) {
    if (e.execution()) {
      return delivered.contains(e.executionId())
          || waiting.stream().anyMatch(w -> e.executionId().equals(w.executionId()));
    }
    return ended.contains(e.orderId())
        || waiting.stream().anyMatch(w -> !w.execution() && w.orderId().equals(e.orderId()));
  }

  private boolean ready(Event<T> e) {
    BigDecimal have = filled.getOrDefault(e.orderId(), BigDecimal.ZERO);
    return e.execution() ? e.before().compareTo(have) <= 0 : e.cumAfter().compareTo(have) <= 0;
  }

  private void take(Event<T> e, List<Event<T>> due) {
    if (e.execution()) {
      delivered.add(e.executionId());
      filled.merge(e.orderId(), e.qty(), BigDecimal::add);
    } else {
      ended.add(e.orderId());
    }
    due.add(e);
  }
}
