package io.tradecore.marketdata;

/**
 * A market data file that cannot be loaded, with a message naming the file, line and reason; any
 * control character in it (from the file's own text) is shown as {@code ?}.
 */
public final class MarketDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MarketDataException(String message) {
    super(Printable.of(message));
  }

  public MarketDataException(String message, Throwable cause) {
    super(Printable.of(message), cause);
  }
}
