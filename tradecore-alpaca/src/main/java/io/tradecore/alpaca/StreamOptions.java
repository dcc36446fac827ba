package io.tradecore.alpaca;

import java.time.Duration;

/**
 * Timing of a stream: how long to wait for the socket and for authentication, how often to ping,
 * how long a silence means a dead connection, and the bounds of the reconnect backoff. Immutable.
 */
public record StreamOptions(
    Duration connectTimeout,
    Duration authTimeout,
    Duration pingInterval,
    Duration silenceTimeout,
    Duration reconnectBase,
    Duration reconnectMax) {

  /** Ping every 10 s, a connection silent for 30 s is dead, reconnect within 0.5-30 s. */
  public static final StreamOptions DEFAULT =
      new StreamOptions(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMillis(500),
          Duration.ofSeconds(30));

  public StreamOptions {
    if (silenceTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException("silenceTimeout must be longer than pingInterval");
    }
  }
}
