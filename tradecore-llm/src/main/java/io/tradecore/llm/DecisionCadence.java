package io.tradecore.llm;

/**
 * When the model is asked: every {@code everyBars} bars, or at each session's close. Immutable and
 * thread-safe.
 *
 * @param everyBars bars between decisions (1 = every bar); 0 when {@code atSessionClose}
 * @param atSessionClose ask at the last bar of each trading session instead
 */
public record DecisionCadence(int everyBars, boolean atSessionClose) {
  public static final DecisionCadence EVERY_BAR = new DecisionCadence(1, false);
  public static final DecisionCadence SESSION_CLOSE = new DecisionCadence(0, true);

  public DecisionCadence {
    if (atSessionClose ? everyBars != 0 : everyBars < 1) {
      throw new IllegalArgumentException(
          "a cadence is every N >= 1 bars or at session close, not " + everyBars);
    }
  }

  /** Every {@code bars} bars. */
  public static DecisionCadence everyBars(int bars) {
    return new DecisionCadence(bars, false);
  }

  /** A whole number of bars, or {@code session_close}. */
  public static DecisionCadence parse(String text) {
    String value = text.strip();
    if (value.equalsIgnoreCase("session_close")) {
      return SESSION_CLOSE;
    }
    try {
      int bars = Integer.parseInt(value);
      if (bars >= 1) {
        return everyBars(bars);
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a cadence (allowed: a whole number of bars >= 1, or session_close)");
  }

  /**
   * Whether to ask after the bar with index {@code barIndex} (from 0), which closes its session
   * when {@code closesSession}: every N bars means after bars N-1, 2N-1, ..., so the first question
   * comes once N bars are known.
   */
  public boolean isDue(long barIndex, boolean closesSession) {
    return atSessionClose ? closesSession : (barIndex + 1) % everyBars == 0;
  }

  @Override
  public String toString() {
    return atSessionClose ? "session_close" : Integer.toString(everyBars);
  }
}
