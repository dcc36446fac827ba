package io.tradecore.core.plan;

/** Why a plan's position was closed. */
public enum ExitReason {
  STOP,
  TARGET,
  TRAILING_STOP,
  STRATEGY,
  END_OF_DATA
}
