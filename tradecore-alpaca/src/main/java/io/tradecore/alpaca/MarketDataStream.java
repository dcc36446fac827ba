package io.tradecore.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market-data stream ({@code /v2/{feed}}): waits for the greeting, authenticates, subscribes to
 * minute bars of its symbols, and delivers each {@code {"T":"b"}} message as a {@link StockBar}.
 * While it is down, a caller polls the bars endpoint instead.
 */
public final class MarketDataStream extends StreamConnection {
  private static final Logger LOG = LoggerFactory.getLogger(MarketDataStream.class);

  private final AlpacaConfig config;
  private final StreamListener<StockBar> listener;
  private final Set<String> symbols; // the stream's thread only

  public MarketDataStream(
      AlpacaConfig config,
      HttpClient http,
      StreamOptions options,
      RandomGenerator random,
      Collection<String> symbols,
      StreamListener<StockBar> listener) {
    super("market data", http, config.dataStreamUrl(), options, random, listener);
    this.config = config;
    this.listener = listener;
    this.symbols = new LinkedHashSet<>(symbols);
  }

  /** Adds {@code more} symbols, at once if connected, else on the next connection. */
  public void subscribe(Collection<String> more) {
    Set<String> copy = Set.copyOf(more);
    onStreamThread(
        () -> {
          symbols.addAll(copy);
          if (state() == StreamState.CONNECTED) {
            sendSubscribe(copy);
          }
        });
  }

  @Override
  void opened() {
    // Alpaca greets first with [{"T":"success","msg":"connected"}]; auth follows that.
  }

  @Override
  void received(String message) {
    JsonNode node = Json.tree(message, "market data message");
    for (JsonNode item : node.isArray() ? node : Json.MAPPER.createArrayNode().add(node)) {
      String type = item.path("T").asText("");
      switch (type) {
        case "success" -> success(item.path("msg").asText(""));
        case "subscription" -> subscription(item.path("bars"));
        case "error" ->
            refused(
                "Alpaca market data error "
                    + item.path("code").asInt()
                    + " "
                    + item.path("msg").asText(""));
        case "b" -> bar(item);
        default -> LOG.debug("Alpaca market data: ignoring a '{}' message", type);
      }
    }
  }

  private void success(String msg) {
    if ("connected".equals(msg)) {
      ObjectNode auth = Json.MAPPER.createObjectNode();
      auth.put("action", "auth").put("key", config.keyId()).put("secret", config.secret());
      send(auth.toString());
    } else if ("authenticated".equals(msg)) {
      sendSubscribe(symbols);
    }
  }

  private void subscription(JsonNode bars) {
    Set<String> confirmed = new LinkedHashSet<>();
    bars.forEach(b -> confirmed.add(b.asText()));
    if (confirmed.containsAll(symbols) || confirmed.contains("*")) {
      subscribed();
    } else {
      Set<String> missing = new LinkedHashSet<>(symbols);
      missing.removeAll(confirmed);
      refused("Alpaca did not subscribe bars of " + String.join(",", missing));
    }
  }

  private void sendSubscribe(Collection<String> which) {
    ObjectNode subscribe = Json.MAPPER.createObjectNode();
    subscribe.put("action", "subscribe");
    ArrayNode bars = subscribe.putArray("bars");
    which.forEach(bars::add);
    send(subscribe.toString());
  }

  private void bar(JsonNode item) {
    StockBar bar;
    try {
      bar = Json.convert(item, StockBar.class, "bar");
    } catch (AlpacaException e) {
      LOG.warn("Alpaca market data: skipping an unreadable bar: {}", e.getMessage());
      return;
    }
    try {
      listener.onEvent(bar, receivedNanos());
    } catch (RuntimeException e) {
      LOG.error("Alpaca market data listener failed on a bar of {}", bar.symbol(), e);
    }
  }
}
