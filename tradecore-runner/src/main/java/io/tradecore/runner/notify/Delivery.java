package io.tradecore.runner.notify;

import java.util.Locale;

/** Whether a destination gets a kind of message, and whether it may make a sound. */
public enum Delivery {
  ON,
  /** Sent without an alert: Telegram's {@code disable_notification}, low e-mail priority. */
  SILENT,
  OFF;

  public static Delivery parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes" -> ON;
      case "silent" -> SILENT;
      case "off", "false", "no" -> OFF;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a delivery (allowed: on, silent, off)");
    };
  }
}
