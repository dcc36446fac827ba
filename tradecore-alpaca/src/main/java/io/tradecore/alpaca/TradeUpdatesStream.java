package io.tradecore.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code trade_updates} stream of an Alpaca account: authenticates, listens, and delivers each
 * order event (new, fill, partial_fill, canceled, expired, rejected, replaced, ...) as a {@link
 * TradeUpdate}. Events can repeat or come out of order, and none arrive while the stream is down: a
 * consumer deduplicates them and catches up from the FILL activities after a reconnect.
 */
public final class TradeUpdatesStream extends StreamConnection {
  private static final Logger LOG = LoggerFactory.getLogger(TradeUpdatesStream.class);

  private final AlpacaConfig config;
  private final StreamListener<TradeUpdate> listener;

  public TradeUpdatesStream(
      AlpacaConfig config,
      HttpClient http,
      StreamOptions options,
      RandomGenerator random,
      StreamListener<TradeUpdate> listener) {
    super("trade updates", http, config.tradingStreamUrl(), options, random, listener);
    this.config = config;
    this.listener = listener;
  }

  /** A stream with the default options and its own HTTP client; call {@link #start()}. */
  public static TradeUpdatesStream of(AlpacaConfig config, StreamListener<TradeUpdate> listener) {
    return new TradeUpdatesStream(
        config,
        HttpClient.newHttpClient(),
        StreamOptions.DEFAULT,
        RandomGenerator.getDefault(),
        listener);
  }

  @Override
  void opened() {
    ObjectNode auth = Json.MAPPER.createObjectNode();
    auth.put("action", "auth").put("key", config.keyId()).put("secret", config.secret());
    send(auth.toString());
  }

  @Override
  void received(String message) {
    JsonNode node = Json.tree(message, "trade stream message");
    String stream = node.path("stream").asText("");
    JsonNode data = node.path("data");
    switch (stream) {
      case "authorization" -> {
        String status = data.path("status").asText("");
        if ("authorized".equals(status)) {
          ObjectNode listen = Json.MAPPER.createObjectNode();
          listen.put("action", "listen").putObject("data").putArray("streams").add("trade_updates");
          send(listen.toString());
        } else {
          refused("Alpaca did not authorize the trade stream (status '" + status + "')");
        }
      }
      case "listening" -> {
        boolean listening = false;
        for (JsonNode name : data.path("streams")) {
          listening |= "trade_updates".equals(name.asText());
        }
        if (listening) {
          subscribed();
        } else {
          refused("Alpaca did not start the trade_updates stream");
        }
      }
      case "trade_updates" -> deliver(data);
      default -> LOG.debug("Alpaca trade stream: ignoring a '{}' message", stream);
    }
  }

  private void deliver(JsonNode data) {
    TradeUpdate update;
    try {
      update = Json.convert(data, TradeUpdate.class, "trade update");
    } catch (AlpacaException e) {
      LOG.warn("Alpaca trade stream: skipping an unreadable event: {}", e.getMessage());
      return;
    }
    try {
      listener.onEvent(update);
    } catch (RuntimeException e) {
      LOG.error("Alpaca trade stream listener failed on a {} event", update.event().wire(), e);
    }
  }
}
