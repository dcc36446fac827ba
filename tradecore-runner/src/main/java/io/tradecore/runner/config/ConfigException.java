package io.tradecore.runner.config;

/** A problem with TradeCore's configuration, described in one line that names where and what. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; line breaks in the message are folded so it always prints on one line.
   */
  public ConfigException(String message) {
    super(message.strip().replaceAll("\\s*\\R\\s*", " "));
  }
}
