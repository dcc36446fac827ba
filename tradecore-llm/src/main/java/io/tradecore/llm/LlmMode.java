package io.tradecore.llm;

import java.util.Locale;

/** Whether the model is called, called and recorded, or answered from recordings. */
public enum LlmMode {
  /** Call the model. */
  LIVE,
  /** Call the model and save each response under the hash of its request. */
  RECORD,
  /** Answer from saved responses only; the model is never called. */
  REPLAY;

  /** The mode named {@code live}, {@code record} or {@code replay}. */
  public static LlmMode parse(String text) {
    for (LlmMode mode : values()) {
      if (mode.name().equalsIgnoreCase(text.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a mode (allowed: live, record, replay)");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
