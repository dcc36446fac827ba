package io.tradecore.core.dailylog;

/** How a day went, from its return against the previous close; see {@link TierThresholds}. */
public enum Tier {
  EXCEPTIONAL_UP,
  STRONG_UP,
  MODERATE_UP,
  FLAT,
  MODERATE_DOWN,
  STRONG_DOWN,
  EXCEPTIONAL_DOWN
}
