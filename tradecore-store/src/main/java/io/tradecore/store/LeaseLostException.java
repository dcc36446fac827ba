package io.tradecore.store;

/** A runner found, inside a transaction, that another runner has taken its portfolio over. */
public final class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LeaseLostException(String message) {
    super(message);
  }
}
