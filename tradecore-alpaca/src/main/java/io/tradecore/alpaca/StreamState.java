package io.tradecore.alpaca;

/** Where a stream stands; while it is not {@code CONNECTED}, a caller falls back to polling. */
public enum StreamState {
  /** Opening the socket, authenticating or subscribing. */
  CONNECTING,
  /** Authenticated and subscribed: events flow. */
  CONNECTED,
  /** Dropped or refused; a reconnect is scheduled with backoff. */
  DISCONNECTED,
  /** Closed by its owner; it will not reconnect. */
  CLOSED
}
