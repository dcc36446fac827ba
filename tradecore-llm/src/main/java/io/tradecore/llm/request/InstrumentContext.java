package io.tradecore.llm.request;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the model is shown of one instrument: the decimals its prices and quantities take, its
 * recent bars (oldest first, at least one) and indicators. Immutable and thread-safe.
 */
public record InstrumentContext(
    String symbol,
    String currency,
    int priceScale,
    int quantityScale,
    List<BarLine> bars,
    Indicators indicators) {
  public InstrumentContext {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(indicators, "indicators");
    bars = List.copyOf(bars);
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(symbol + ": at least one bar is needed");
    }
    if (priceScale < 0 || quantityScale < 0) {
      throw new IllegalArgumentException(symbol + ": scales must not be negative");
    }
  }

  /**
   * The instrument with its last {@code shown} bars, and indicators over all of {@code history}
   * (oldest first).
   */
  public static InstrumentContext of(
      String symbol,
      String currency,
      int priceScale,
      int quantityScale,
      List<BarLine> history,
      int shown) {
    List<BarLine> recent = history.subList(Math.max(0, history.size() - shown), history.size());
    return new InstrumentContext(
        symbol, currency, priceScale, quantityScale, recent, Indicators.of(history));
  }

  /** The close of the latest bar shown. */
  public BigDecimal lastPrice() {
    return bars.get(bars.size() - 1).close();
  }
}
