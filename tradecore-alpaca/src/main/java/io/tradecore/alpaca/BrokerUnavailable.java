package io.tradecore.alpaca;

/**
 * Alpaca could not be reached or kept failing (timeouts, 5xx, 429) after the retries the policy
 * allows; for an order, its outcome at the broker is then unknown until it is looked up.
 */
public final class BrokerUnavailable extends AlpacaException {
  private static final long serialVersionUID = 1L;

  BrokerUnavailable(String message) {
    super(message);
  }
}
