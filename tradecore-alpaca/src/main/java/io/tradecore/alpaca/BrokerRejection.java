package io.tradecore.alpaca;

/**
 * Alpaca answered a request with a 4xx status: the request was understood and refused (403
 * insufficient buying power, 422 invalid order, 404 unknown order...). Retrying will not help.
 */
public final class BrokerRejection extends AlpacaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long code;
  private final String brokerMessage;

  BrokerRejection(String subject, int status, long code, String brokerMessage) {
    super(
        subject
            + " refused by Alpaca: "
            + status
            + " "
            + brokerMessage
            + (code == 0 ? "" : " (code " + code + ")"));
    this.status = status;
    this.code = code;
    this.brokerMessage = brokerMessage;
  }

  /** The HTTP status, e.g. 403 or 422. */
  public int status() {
    return status;
  }

  /** Alpaca's error code from the body, e.g. 40310000, or 0 when the body had none. */
  public long code() {
    return code;
  }

  /** Alpaca's own words, e.g. "insufficient buying power". */
  public String brokerMessage() {
    return brokerMessage;
  }
}
