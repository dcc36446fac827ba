package io.tradecore.insights;

/** A trace that is missing or cannot be read (unreadable file, bad CSV, no step column). */
public final class TraceReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TraceReadException(String message) {
    super(message);
  }

  public TraceReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
