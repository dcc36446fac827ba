package io.tradecore.policy;

/**
 * What a policy's decision asks the engine to do with one instrument's position; the engine's
 * adapter turns it into actions (open a plan, close it, resize). Immutable and thread-safe.
 */
public sealed interface Intent {
  /** Keep the position as it is. */
  Hold HOLD = new Hold();

  /** Close the position. */
  Exit EXIT = new Exit();

  /** Leave the position as it is: the target is within the rebalance threshold. */
  record Hold() implements Intent {}

  /** Close the position: the target is flat. */
  record Exit() implements Intent {}

  /**
   * Open a position of {@code fraction} of equity in {@code direction}, after closing an opposite
   * one; {@code stopPrice} and {@code targetPrice} are NaN when the spec sets none.
   */
  record Enter(Direction direction, double fraction, double stopPrice, double targetPrice)
      implements Intent {}

  /** Trade the position, kept in its direction, to {@code targetFraction} of equity (signed). */
  record Rebalance(double targetFraction) implements Intent {}
}
