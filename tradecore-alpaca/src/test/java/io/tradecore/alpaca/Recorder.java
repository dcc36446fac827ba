package io.tradecore.alpaca;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stream listener that records what it is told, for tests to await and inspect. */
final class Recorder<T> implements StreamListener<T> {
  /** A state change with its reason. */
  record Change(StreamState state, String reason) {}

  final List<T> events = new CopyOnWriteArrayList<>();
  final List<Change> changes = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(T event) {
    events.add(event);
  }

  @Override
  public void onStateChange(StreamState state, String reason) {
    changes.add(new Change(state, reason));
  }

  long count(StreamState state) {
    return changes.stream().filter(c -> c.state() == state).count();
  }
}
