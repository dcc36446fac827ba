package io.tradecore.alpaca;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One OHLCV bar from the market-data API, REST or stream; {@code time} is the bar's open. The
 * symbol is set on streamed bars ({@code "S"}) and filled in by the client for REST bars.
 */
public record StockBar(
    @JsonProperty("S") String symbol,
    @JsonProperty("t") Instant time,
    @JsonProperty("o") BigDecimal open,
    @JsonProperty("h") BigDecimal high,
    @JsonProperty("l") BigDecimal low,
    @JsonProperty("c") BigDecimal close,
    @JsonProperty("v") BigDecimal volume,
    @JsonProperty("n") long tradeCount,
    @JsonProperty("vw") BigDecimal vwap) {

  /** This bar, as a bar of {@code symbol}. */
  public StockBar withSymbol(String symbol) {
    return new StockBar(symbol, time, open, high, low, close, volume, tradeCount, vwap);
  }
}
