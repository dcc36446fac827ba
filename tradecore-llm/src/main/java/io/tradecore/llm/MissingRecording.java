package io.tradecore.llm;

import java.util.Locale;

/** What replay does when no response was recorded for a request. */
public enum MissingRecording {
  /** Fail the decision with an error naming the request, so a backtest stops. */
  FAIL,
  /** Hold, and record why. */
  HOLD;

  /** The policy named {@code fail} or {@code hold}. */
  public static MissingRecording parse(String text) {
    for (MissingRecording policy : values()) {
      if (policy.name().equalsIgnoreCase(text.strip())) {
        return policy;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not allowed (allowed: fail, hold)");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
