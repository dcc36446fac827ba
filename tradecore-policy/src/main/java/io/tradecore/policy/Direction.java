package io.tradecore.policy;

/** The direction of a position a policy enters. */
public enum Direction {
  LONG,
  SHORT;

  /** +1 for long, -1 for short. */
  public int sign() {
    return this == LONG ? 1 : -1;
  }
}
