package io.tradecore.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar of an instrument. Prices are fixed-point units at the instrument's price scale;
 * {@code time} is when the bar opened. Immutable and thread-safe.
 */
public record Bar(
    Instrument instrument,
    Instant time,
    long open,
    long high,
    long low,
    long close,
    double volume) {
  public Bar {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(time, "time");
    if (open <= 0 || high <= 0 || low <= 0 || close <= 0) {
      throw new IllegalArgumentException("bar prices must be positive at " + time);
    }
    if (high < low || high < open || high < close || low > open || low > close) {
      throw new IllegalArgumentException(
          "bar at " + time + " has high/low outside open/close or high < low");
    }
    if (!(volume >= 0) || Double.isInfinite(volume)) {
      throw new IllegalArgumentException("bar volume must be a finite number >= 0 at " + time);
    }
  }

  public Price openPrice() {
    return instrument.price(open);
  }

  public Price closePrice() {
    return instrument.price(close);
  }
}
