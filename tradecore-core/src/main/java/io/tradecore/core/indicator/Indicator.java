package io.tradecore.core.indicator;

import io.tradecore.core.domain.Bar;

/** A value computed from an instrument's bars, updated by the engine once per bar. */
public interface Indicator {
  void update(Bar bar);

  /** True once enough bars have been seen for the value to exist. */
  boolean isReady();
}
