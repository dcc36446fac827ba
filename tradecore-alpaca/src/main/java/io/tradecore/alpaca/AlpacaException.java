package io.tradecore.alpaca;

/**
 * A failure talking to Alpaca, with a one-line message that never contains the key id or secret.
 */
public class AlpacaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AlpacaException(String message) {
    super(message);
  }

  public AlpacaException(String message, Throwable cause) {
    super(message, cause);
  }
}
