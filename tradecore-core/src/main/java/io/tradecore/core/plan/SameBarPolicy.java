package io.tradecore.core.plan;

/**
 * Which exit a bar is assumed to have reached first when it touches both the stop and the target (a
 * bar does not tell the order of its high and low).
 */
public enum SameBarPolicy {
  /** Conservative and the default: assume the loss came first. */
  STOP_FIRST,
  /** Optimistic: assume the profit came first. */
  TARGET_FIRST
}
