package io.tradecore.llm.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One bar of an instrument, prices in its currency; {@code time} is when it opened. */
public record BarLine(
    Instant time,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    BigDecimal volume) {
  public BarLine {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(volume, "volume");
  }
}
