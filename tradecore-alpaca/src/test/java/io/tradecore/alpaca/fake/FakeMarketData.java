package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake's market data: the bars REST endpoints with Alpaca's paging, and the {@code /v2/iex}
 * websocket (greeting, auth, bar subscriptions, {@code [{"T":"b",...}]} messages in text frames).
 */
public final class FakeMarketData {
  private final ObjectMapper json;
  private final String keyId;
  private final String secret;
  private final Map<String, List<ObjectNode>> bars = new TreeMap<>();
  private final Map<String, WsContext> sessions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();
  private final List<String> pageTokensSeen = new CopyOnWriteArrayList<>();
  private volatile int pageSize = 10_000;
  private volatile boolean refuse;

  FakeMarketData(ObjectMapper json, String keyId, String secret) {
    this.json = json;
    this.keyId = keyId;
    this.secret = secret;
  }

  /** Stores a bar of {@code symbol} for the REST endpoints. */
  public synchronized void addBar(
      String symbol,
      Instant time,
      String open,
      String high,
      String low,
      String close,
      long volume) {
    bars.computeIfAbsent(symbol, s -> new ArrayList<>())
        .add(bar(symbol, time, open, high, low, close, volume));
  }

  /** Pages hold at most {@code size} bars, whatever limit the client asks for. */
  public void pageSize(int size) {
    this.pageSize = size;
  }

  /** The page tokens clients sent, in order. */
  public List<String> pageTokensSeen() {
    return List.copyOf(pageTokensSeen);
  }

  /** Refuses (403) new stream connections while true. */
  public void refuseConnections(boolean refuse) {
    this.refuse = refuse;
  }

  /** Sends a bar to every stream session subscribed to {@code symbol}. */
  public void publishBar(
      String symbol,
      Instant time,
      String open,
      String high,
      String low,
      String close,
      long volume) {
    ArrayNode message =
        json.createArrayNode().add(bar(symbol, time, open, high, low, close, volume));
    sessions.forEach(
        (id, ctx) -> {
          if (subscriptions.getOrDefault(id, Set.of()).contains(symbol)) {
            ctx.send(message.toString());
          }
        });
  }

  /** Drops every stream connection now. */
  public void dropAll() {
    for (WsContext ctx : List.copyOf(sessions.values())) {
      sessions.remove(ctx.sessionId());
      ctx.session.disconnect();
    }
  }

  /** How many stream sessions are subscribed to {@code symbol}. */
  public long subscribers(String symbol) {
    return subscriptions.values().stream().filter(s -> s.contains(symbol)).count();
  }

  void register(Javalin app, FakeAlpaca.Guard guard) {
    app.get("/v2/stocks/bars", ctx -> guard.handle(ctx, () -> multiBars(ctx)));
    app.wsBeforeUpgrade(
        "/v2/iex",
        ctx -> {
          if (refuse) {
            throw new ForbiddenResponse("stream refused by the test");
          }
        });
    app.ws(
        "/v2/iex",
        ws -> {
          ws.onConnect(ctx -> ctx.send("[{\"T\":\"success\",\"msg\":\"connected\"}]"));
          ws.onMessage(ctx -> onMessage(ctx, json.readTree(ctx.message())));
          ws.onClose(ctx -> forget(ctx.sessionId()));
          ws.onError(ctx -> forget(ctx.sessionId()));
        });
  }

  private synchronized FakeAnswer multiBars(Context ctx) {
    String token = ctx.queryParam("page_token");
    if (token != null) {
      pageTokensSeen.add(token);
    }
    Instant start = Instant.parse(ctx.queryParam("start"));
    Instant end = Instant.parse(ctx.queryParam("end"));
    int limit = Math.min(pageSize, Integer.parseInt(ctx.queryParam("limit")));
    List<ObjectNode> all = new ArrayList<>();
    for (String symbol : new java.util.TreeSet<>(List.of(ctx.queryParam("symbols").split(",")))) {
      for (ObjectNode bar : bars.getOrDefault(symbol, List.of())) {
        Instant t = Instant.parse(bar.path("t").asText());
        if (!t.isBefore(start) && !t.isAfter(end)) {
          all.add(bar);
        }
      }
    }
    int from =
        token == null
            ? 0
            : Integer.parseInt(new String(java.util.Base64.getDecoder().decode(token)));
    int to = Math.min(all.size(), from + limit);
    ObjectNode body = json.createObjectNode();
    ObjectNode perSymbol = body.putObject("bars");
    for (ObjectNode bar : all.subList(from, to)) {
      ObjectNode copy = bar.deepCopy();
      copy.remove("T");
      String symbol = copy.remove("S").asText();
      if (!perSymbol.has(symbol)) {
        perSymbol.putArray(symbol);
      }
      ((ArrayNode) perSymbol.get(symbol)).add(copy);
    }
    body.put(
        "next_page_token",
        to < all.size()
            ? java.util.Base64.getEncoder().encodeToString(String.valueOf(to).getBytes())
            : null);
    return new FakeAnswer(200, body);
  }

  private void onMessage(WsContext ctx, JsonNode message) {
    String action = message.path("action").asText();
    if (action.equals("auth")) {
      if (keyId.equals(message.path("key").asText())
          && secret.equals(message.path("secret").asText())) {
        sessions.put(ctx.sessionId(), ctx);
        ctx.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
      } else {
        ctx.send("[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");
        ctx.closeSession();
      }
    } else if (action.equals("subscribe") && sessions.containsKey(ctx.sessionId())) {
      Set<String> subscribed =
          subscriptions.computeIfAbsent(ctx.sessionId(), id -> ConcurrentHashMap.newKeySet());
      message.path("bars").forEach(s -> subscribed.add(s.asText()));
      ObjectNode reply = json.createObjectNode();
      reply.put("T", "subscription");
      reply.putArray("trades");
      reply.putArray("quotes");
      ArrayNode list = reply.putArray("bars");
      subscribed.forEach(list::add);
      ctx.send(json.createArrayNode().add(reply).toString());
    }
  }

  private void forget(String sessionId) {
    sessions.remove(sessionId);
    subscriptions.remove(sessionId);
  }

  private ObjectNode bar(
      String symbol,
      Instant time,
      String open,
      String high,
      String low,
      String close,
      long volume) {
    ObjectNode bar = json.createObjectNode();
    bar.put("T", "b").put("S", symbol).put("t", time.toString());
    bar.put("o", new BigDecimal(open)).put("h", new BigDecimal(high));
    bar.put("l", new BigDecimal(low)).put("c", new BigDecimal(close));
    bar.put("v", volume).put("n", 12).put("vw", new BigDecimal(close));
    return bar;
  }
}
