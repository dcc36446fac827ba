package io.tradecore.core.plan;

/** Where a plan is in its life: PENDING -> ACTIVE -> CLOSED, or PENDING -> CANCELLED. */
public enum PlanStatus {
  /** The entry order is working; nothing is held yet. */
  PENDING,
  /** The entry has (at least partly) filled; the stop and target are armed. */
  ACTIVE,
  /** The position the plan opened has been closed. */
  CLOSED,
  /** The plan ended before anything was held. */
  CANCELLED;

  public boolean isOpen() {
    return this == PENDING || this == ACTIVE;
  }
}
