package io.tradecore.alpaca;

import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /v2/stocks/bars}: bars per symbol, and the token of the next page (null on
 * the last one).
 */
public record BarPage(Map<String, List<StockBar>> bars, String nextPageToken) {
  public BarPage {
    bars = Map.copyOf(bars);
  }
}
