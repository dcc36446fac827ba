package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's {@code /stream} websocket: authenticates, listens, and sends each trade update in
 * binary frames as Alpaca's paper stream does, with scripted faults: duplicates, events out of
 * order, a drop at a fill, and refusing connections.
 */
public final class FakeTradeStream {
  private final ObjectMapper json;
  private final String keyId;
  private final String secret;
  private final Map<String, WsContext> listening = new ConcurrentHashMap<>();
  private final Set<String> authorized = ConcurrentHashMap.newKeySet();
  // Sends leave the book's lock at once and go out in order on this thread.
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("fake-stream").unstarted(r));
  private final AtomicInteger authorizations = new AtomicInteger();
  private volatile boolean refuse;
  private volatile boolean duplicate;
  private volatile boolean dropOnNextFill;
  private volatile boolean deliverBeforeDrop;
  private final List<ObjectNode> held = new ArrayList<>();
  private int holdCount;

  FakeTradeStream(ObjectMapper json, String keyId, String secret) {
    this.json = json;
    this.keyId = keyId;
    this.secret = secret;
  }

  void register(Javalin app) {
    app.wsBeforeUpgrade(
        "/stream",
        ctx -> {
          if (refuse) {
            throw new ForbiddenResponse("stream refused by the test");
          }
        });
    app.ws(
        "/stream",
        ws -> {
          ws.onMessage(ctx -> onMessage(ctx, json.readTree(ctx.message())));
          ws.onBinaryMessage(
              ctx ->
                  onMessage(
                      ctx,
                      json.readTree(
                          new String(
                              ctx.data(), ctx.offset(), ctx.length(), StandardCharsets.UTF_8))));
          ws.onClose(ctx -> forget(ctx.sessionId()));
          ws.onError(ctx -> forget(ctx.sessionId()));
        });
  }

  /** Refuses (403) every new connection while true: the stream never connects. */
  public void refuseConnections(boolean refuse) {
    this.refuse = refuse;
  }

  /** Sends every event twice while true. */
  public void duplicateEvents(boolean duplicate) {
    this.duplicate = duplicate;
  }

  /** Holds the next {@code count} events back, then sends them in reverse order. */
  public synchronized void reverseNext(int count) {
    holdCount = count;
  }

  /**
   * At the next fill or partial fill, drops every connection: after sending that event if {@code
   * deliverFirst}, else before (the event is lost, as Alpaca loses events while a client is away).
   */
  public void dropOnNextFill(boolean deliverFirst) {
    deliverBeforeDrop = deliverFirst;
    dropOnNextFill = true;
  }

  /** Drops every connection now, without a close frame. */
  public void dropAll() {
    sender.execute(
        () -> {
          for (WsContext ctx : List.copyOf(listening.values())) {
            forget(ctx.sessionId());
            ctx.session.disconnect();
          }
        });
  }

  /** How many times a client has been authorized. */
  public int authorizations() {
    return authorizations.get();
  }

  /** How many connections are listening to trade updates now. */
  public int listeners() {
    return listening.size();
  }

  synchronized void publish(ObjectNode data) {
    ObjectNode message = json.createObjectNode();
    message.put("stream", "trade_updates");
    message.set("data", data);
    if (holdCount > 0) {
      held.add(message);
      if (--holdCount == 0) {
        List<ObjectNode> reversed = new ArrayList<>(held);
        Collections.reverse(reversed);
        held.clear();
        reversed.forEach(this::send);
      }
      return;
    }
    send(message);
  }

  private void send(ObjectNode message) {
    String event = message.path("data").path("event").asText();
    boolean fill = event.equals("fill") || event.equals("partial_fill");
    if (fill && dropOnNextFill) {
      dropOnNextFill = false;
      if (deliverBeforeDrop) {
        broadcast(message);
      }
      dropAll();
      return;
    }
    broadcast(message);
    if (duplicate) {
      broadcast(message);
    }
  }

  private void broadcast(ObjectNode message) {
    byte[] bytes = message.toString().getBytes(StandardCharsets.UTF_8);
    sender.execute(() -> listening.values().forEach(ctx -> ctx.send(ByteBuffer.wrap(bytes))));
  }

  private void onMessage(WsContext ctx, JsonNode message) {
    String action = message.path("action").asText();
    if (action.equals("auth") || action.equals("authenticate")) {
      JsonNode data = message.path("data");
      String key =
          action.equals("auth") ? message.path("key").asText() : data.path("key_id").asText();
      String sec =
          action.equals("auth")
              ? message.path("secret").asText()
              : data.path("secret_key").asText();
      boolean ok = keyId.equals(key) && secret.equals(sec);
      if (ok) {
        authorizations.incrementAndGet();
        authorized.add(ctx.sessionId());
      }
      reply(
          ctx,
          "{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\""
              + (ok ? "authorized" : "unauthorized")
              + "\"}}");
    } else if (action.equals("listen") && authorized.contains(ctx.sessionId())) {
      boolean wants = false;
      for (JsonNode s : message.path("data").path("streams")) {
        wants |= s.asText().equals("trade_updates");
      }
      if (wants) {
        listening.put(ctx.sessionId(), ctx);
      } else {
        listening.remove(ctx.sessionId());
      }
      reply(
          ctx,
          "{\"stream\":\"listening\",\"data\":{\"streams\":"
              + (wants ? "[\"trade_updates\"]" : "[]")
              + "}}");
    }
  }

  private void reply(WsContext ctx, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sender.execute(() -> ctx.send(ByteBuffer.wrap(bytes)));
  }

  private void forget(String sessionId) {
    listening.remove(sessionId);
    authorized.remove(sessionId);
  }

  void close() {
    sender.shutdownNow();
  }
}
