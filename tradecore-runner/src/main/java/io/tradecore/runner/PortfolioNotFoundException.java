package io.tradecore.runner;

/** A portfolio name that is not in the database; the message lists the ones that are. */
public final class PortfolioNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PortfolioNotFoundException(String message) {
    super(message);
  }
}
