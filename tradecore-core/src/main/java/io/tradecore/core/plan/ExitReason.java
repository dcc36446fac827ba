package io.tradecore.core.plan;

/** Why a plan's position was closed. */
public enum ExitReason {
  STOP,
  TARGET,
  TRAILING_STOP,
  STRATEGY,
  /** Closed by a trader's request (tradecore plan close, the API). */
  MANUAL,
  END_OF_DATA
}
