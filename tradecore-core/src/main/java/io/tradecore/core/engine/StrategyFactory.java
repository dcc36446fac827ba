package io.tradecore.core.engine;

import io.tradecore.core.domain.Instrument;

/** Makes a fresh strategy instance for an instrument. */
@FunctionalInterface
public interface StrategyFactory {
  Strategy create(Instrument instrument);
}
