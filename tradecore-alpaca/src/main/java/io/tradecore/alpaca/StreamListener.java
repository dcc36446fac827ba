package io.tradecore.alpaca;

/**
 * Receives a stream's events and state changes, on the stream's own thread, one at a time and in
 * the order they arrived; a slow listener holds the stream back, so a consumer that does real work
 * queues the events onto its own thread.
 */
public interface StreamListener<T> {
  void onEvent(T event);

  /**
   * An event that came off the socket at {@code receivedNanos} ({@link System#nanoTime()}), for a
   * listener that measures how long its handling takes; by default {@link #onEvent(Object)}.
   */
  default void onEvent(T event, long receivedNanos) {
    onEvent(event);
  }

  /** The stream is now {@code state}; {@code reason} says why when it dropped, else null. */
  default void onStateChange(StreamState state, String reason) {}
}
