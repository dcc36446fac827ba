package io.tradecore.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/** The bars requests of the Market Data API v2, with its paging. */
final class BarRequests {
  /** The most bars Alpaca returns in one page. */
  static final int PAGE_LIMIT = 10_000;

  private final RestTransport rest;
  private final AlpacaConfig config;

  BarRequests(RestTransport rest, AlpacaConfig config) {
    this.rest = rest;
    this.config = config;
  }

  BarPage page(
      List<String> symbols, BarTimeframe timeframe, Instant start, Instant end, String pageToken) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("bars need at least one symbol");
    }
    URI uri =
        Query.of(config.dataUrl(), "/v2/stocks/bars")
            .param("symbols", String.join(",", symbols))
            .param("timeframe", timeframe)
            .param("start", start)
            .param("end", end)
            .param("limit", PAGE_LIMIT)
            .param("adjustment", "raw")
            .param("feed", config.feed())
            .param("sort", "asc")
            .param("page_token", pageToken)
            .uri();
    String what = timeframe + " bars of " + String.join(",", symbols);
    RestTransport.Response r = rest.idempotent("GET /v2/stocks/bars", "GET", uri, null);
    if (!r.ok()) {
      throw rest.rejection(what, r);
    }
    JsonNode body = Json.tree(r.body(), what);
    Map<String, List<StockBar>> bars = new LinkedHashMap<>();
    JsonNode perSymbol = body.path("bars");
    if (perSymbol.isObject()) {
      for (Entry<String, JsonNode> entry : perSymbol.properties()) {
        List<StockBar> list = new ArrayList<>();
        for (JsonNode bar : entry.getValue()) {
          list.add(Json.convert(bar, StockBar.class, what).withSymbol(entry.getKey()));
        }
        bars.put(entry.getKey(), list);
      }
    }
    JsonNode token = body.path("next_page_token");
    return new BarPage(
        bars, token.isTextual() && !token.asText().isEmpty() ? token.asText() : null);
  }

  Map<String, List<StockBar>> all(
      List<String> symbols, BarTimeframe timeframe, Instant start, Instant end) {
    Map<String, List<StockBar>> all = new LinkedHashMap<>();
    for (String symbol : symbols) {
      all.put(symbol, new ArrayList<>());
    }
    String token = null;
    do {
      BarPage page = page(symbols, timeframe, start, end, token);
      page.bars()
          .forEach(
              (symbol, bars) -> all.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(bars));
      token = page.nextPageToken();
    } while (token != null);
    return all;
  }
}
