package io.tradecore.runner.notify;

import java.util.Arrays;
import java.util.List;

/** What a notification tells of; {@link #key} names it in {@code tradecore.yaml}. */
public enum MessageKind {
  /** The day's performance log, once written at the close. */
  DAILY_LOG("daily_log"),
  /** A fill of one of the portfolio's orders. */
  FILLS("fills"),
  /** A plan's entry filled: a position is open under it. */
  PLANS_OPENED("plans_opened"),
  /** A plan closed (stop, target, trailing stop, by hand, ...). */
  PLANS_CLOSED("plans_closed"),
  /** An order the risk caps refused. */
  REFUSALS("refusals"),
  /** An error of the engine, the venue or the database. */
  ERRORS("errors"),
  /** The ledger and the venue disagreed, or trading was halted. */
  DRIFT("drift"),
  /** A runner took the portfolio over from one whose lease lapsed. */
  TAKEOVER("takeover"),
  /** The LLM strategy's spending cap stopped a question. */
  LLM_CAP("llm_cap"),
  /** A message sent by {@code tradecore notify test}. */
  TEST("test");

  private final String key;

  MessageKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The kinds a destination's {@code messages} may set (all but the test message). */
  public static List<MessageKind> configurable() {
    return Arrays.stream(values()).filter(k -> k != TEST).toList();
  }

  /** The kind named {@code key} in the configuration. */
  public static MessageKind ofKey(String key) {
    for (MessageKind k : configurable()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown message type '"
            + key
            + "' (known: "
            + String.join(", ", configurable().stream().map(MessageKind::key).toList())
            + ")");
  }
}
