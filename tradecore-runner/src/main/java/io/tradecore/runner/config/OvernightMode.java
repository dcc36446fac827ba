package io.tradecore.runner.config;

/** How stops and targets are widened over the overnight break. */
public enum OvernightMode {
  /** Stops and targets stay where they are. */
  NONE,
  /** Widened by a percent of the price. */
  PERCENT,
  /** Widened by a multiple of the average true range. */
  ATR
}
