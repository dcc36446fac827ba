package io.tradecore.llm;

import java.util.Locale;

/** What came of asking the model at one moment. */
public enum Outcome {
  /** At least one decision that trades or changes a plan was accepted (others may be refused). */
  ACCEPTED,
  /** The answer, or every decision in it, was refused. */
  REFUSED,
  /** Nothing to do: the model held, or no call was made (the spending cap, a missing recording). */
  HELD,
  /** The call failed (timeout, server error, ...): the strategy holds and an error is counted. */
  FAILED;

  /** The outcome as stored, e.g. {@code accepted}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
