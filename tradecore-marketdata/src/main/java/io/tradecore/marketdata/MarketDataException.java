package io.tradecore.marketdata;

/** A market data file that cannot be loaded, with a message naming the file, line and reason. */
public final class MarketDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MarketDataException(String message) {
    super(message);
  }

  public MarketDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
