package io.tradecore.runner.config;

import io.tradecore.marketdata.Printable;

/** A problem with TradeCore's configuration, described in one line that names where and what. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; line breaks in the message are folded so it always prints on one line,
   * and other control characters (a tab, an escape sequence from the file) are shown as {@code ?}.
   */
  public ConfigException(String message) {
    super(Printable.of(message.strip().replaceAll("\\s*\\R\\s*", " ")));
  }
}
