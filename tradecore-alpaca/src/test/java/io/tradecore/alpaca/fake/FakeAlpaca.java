package io.tradecore.alpaca.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tradecore.alpaca.AlpacaConfig;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkTrafficServerConnector;

/**
 * A loopback Alpaca: the Trading API v2 REST endpoints, the trade and market-data websockets, rate
 * limit headers on every answer, and scripted faults. Tests drive prices and fills through it and
 * compare its books with the client's view.
 */
public final class FakeAlpaca implements AutoCloseable {
  public static final String KEY_ID = "PKFAKEKEY7Q2W9E4R1T6";
  public static final String SECRET = "fakeSecretZx81Vb27Nm49Qw63Er05Ty";

  /**
   * One request the fake received, at the test clock's time; {@code receivedNanos} is {@link
   * System#nanoTime()} when its handler began (for latency benches in the same JVM).
   */
  public record Request(
      String method, String path, String query, Instant time, long receivedNanos) {}

  private final ObjectMapper json = new ObjectMapper();
  private final TestClock clock;
  private final FakeTradeStream stream = new FakeTradeStream(json, KEY_ID, SECRET);
  private final FakeMarketData marketData = new FakeMarketData(json, KEY_ID, SECRET);
  private final FakeBook book;
  private final FakeFaults faults = new FakeFaults();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Consumer<Request> onRequest = r -> {};
  private volatile WireListener onWire = (nanos, bytes) -> {};
  private final Javalin app;
  private volatile int limitPerMinute = 200;
  private long window;
  private int usedInWindow;

  private FakeAlpaca(TestClock clock) {
    this.clock = clock;
    this.book = new FakeBook(clock, json, stream::publish);
    this.app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.startupWatcherEnabled = false;
              // One loopback connector that shows each read off a client's socket (onWire).
              c.jetty.addConnector(
                  (server, http) -> {
                    NetworkTrafficServerConnector connector =
                        new NetworkTrafficServerConnector(server, new HttpConnectionFactory(http));
                    connector.setHost("127.0.0.1");
                    connector.setPort(0);
                    connector.setNetworkTrafficListener(
                        new NetworkTrafficListener() {
                          @Override
                          public void incoming(Socket socket, ByteBuffer bytes) {
                            onWire.read(System.nanoTime(), bytes.asReadOnlyBuffer());
                          }
                        });
                    return connector;
                  });
            });
    Guard guard = this::guarded;
    TradingRoutes.register(app, book, guard, json);
    marketData.register(app, guard);
    stream.register(app);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeAlpaca start(TestClock clock) {
    FakeAlpaca fake = new FakeAlpaca(clock);
    fake.app.start();
    return fake;
  }

  /** Sees the bytes of a read off a client's socket. */
  @FunctionalInterface
  public interface WireListener {
    /**
     * @param nanos {@link System#nanoTime()} just after the read
     * @param bytes what was read, read only; it may hold the start of a request, a whole one or
     *     part of one
     */
    void read(long nanos, ByteBuffer bytes);
  }

  /**
   * Tells {@code listener} of every read off a client's socket as the fake's connector makes it,
   * before any parsing or routing: where a request comes off the wire (for latency benches in the
   * same JVM).
   */
  public void onWire(WireListener listener) {
    this.onWire = listener;
  }

  /** Sends the fake a few unlogged requests, so its first real answer is not slowed by warm-up. */
  public void warmUp() {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      for (int i = 0; i < 3; i++) {
        http.send(
            java.net.http.HttpRequest.newBuilder(url().resolve("/warm-up")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  /** A client configuration pointing every URL at this fake. */
  public AlpacaConfig config() {
    URI url = url();
    return AlpacaConfig.of(
        KEY_ID, SECRET, url, url, URI.create("ws://127.0.0.1:" + app.port()), "iex");
  }

  public FakeFaults faults() {
    return faults;
  }

  public FakeTradeStream tradeStream() {
    return stream;
  }

  public FakeMarketData marketData() {
    return marketData;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests of {@code method} to paths starting with {@code path}. */
  public long count(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(path))
        .count();
  }

  /** The broker's rate limit per minute (X-Ratelimit-Limit). */
  public void limitPerMinute(int limit) {
    this.limitPerMinute = limit;
  }

  public void setPrice(String symbol, String price) {
    book.setPrice(symbol, new BigDecimal(price));
  }

  public void fill(String clientOrderId, String qty, String price) {
    book.fill(clientOrderId, new BigDecimal(qty), new BigDecimal(price));
  }

  public void reject(String clientOrderId) {
    book.reject(clientOrderId);
  }

  /** Net quantity per symbol in the broker's books. */
  public java.util.Map<String, BigDecimal> positions() {
    return book.positions();
  }

  public BigDecimal cash() {
    return book.cash();
  }

  /** The broker's FILL activities as (order id, cum qty, qty, price) strings, in booking order. */
  public List<String> executions() {
    return book.activities().stream()
        .map(
            a ->
                a.path("order_id").asText()
                    + "@"
                    + new BigDecimal(a.path("cum_qty").asText())
                        .stripTrailingZeros()
                        .toPlainString())
        .toList();
  }

  /** The execution ids of the broker's FILL activities, in booking order. */
  public List<String> executionIds() {
    return book.activities().stream()
        .map(a -> a.path("id").asText())
        .map(id -> id.substring(id.indexOf("::") + 2))
        .toList();
  }

  /** The client order ids of the broker's top-level orders, in the order they were placed. */
  public List<String> clientOrderIds() {
    return book.topLevelOrders().stream().map(o -> o.clientOrderId).toList();
  }

  /** The limit or stop price of every working order, legs included, as "type@price" strings. */
  public List<String> workingOrders() {
    return book.allOrders().stream()
        .filter(FakeOrder::working)
        .map(
            o ->
                o.side
                    + " "
                    + o.qty.stripTrailingZeros().toPlainString()
                    + " "
                    + o.type
                    + "@"
                    + (o.type.equals("stop") ? o.stopPrice : o.limitPrice)
                        .stripTrailingZeros()
                        .toPlainString())
        .sorted()
        .toList();
  }

  /** How many orders the broker holds under {@code clientOrderId} (0 or 1: ids are unique). */
  public int ordersWithClientId(String clientOrderId) {
    return (int)
        book.allOrders().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).count();
  }

  /** The status of the order under {@code clientOrderId}. */
  public String status(String clientOrderId) {
    return book.byClientOrderId(clientOrderId).map(o -> o.status).orElse("none");
  }

  /** Every order's status, legs included, by its client order id. */
  public java.util.Map<String, String> statuses() {
    java.util.Map<String, String> all = new java.util.TreeMap<>();
    book.allOrders().forEach(o -> all.put(o.clientOrderId, o.status));
    return all;
  }

  @Override
  public void close() {
    stream.close();
    app.stop();
  }

  /** Wraps a route in the fake's checks: keys, rate limit, scripted faults, request log. */
  @FunctionalInterface
  interface Guard {
    void handle(Context ctx, Supplier<FakeAnswer> action);
  }

  /** Tells {@code listener} of each request as its handler begins, before the fake acts on it. */
  public void onRequest(Consumer<Request> listener) {
    this.onRequest = listener;
  }

  private void guarded(Context ctx, Supplier<FakeAnswer> action) {
    long received = System.nanoTime();
    Request request =
        new Request(ctx.method().name(), ctx.path(), ctx.queryString(), clock.instant(), received);
    onRequest.accept(request);
    requests.add(request);
    if (!KEY_ID.equals(ctx.header("APCA-API-KEY-ID"))
        || !SECRET.equals(ctx.header("APCA-API-SECRET-KEY"))) {
      answer(ctx, FakeAnswer.error(401, 40110000, "request is not authorized"));
      return;
    }
    long epochSecond = clock.instant().getEpochSecond();
    long reset;
    int remaining;
    synchronized (this) {
      long current = epochSecond / 60;
      if (current != window) {
        window = current;
        usedInWindow = 0;
      }
      usedInWindow++;
      reset = (current + 1) * 60;
      remaining = Math.max(0, limitPerMinute - usedInWindow);
      if (usedInWindow > limitPerMinute) {
        rateHeaders(ctx, 0, reset);
        answer(ctx, FakeAnswer.error(429, 42910000, "rate limit exceeded"));
        return;
      }
    }
    FakeFaults.Fault fault = faults.take(ctx.method().name(), ctx.path()).orElse(null);
    if (fault != null && fault.kind() == FakeFaults.Kind.RATE_LIMITED) {
      rateHeaders(ctx, 0, epochSecond + fault.resetIn().toSeconds());
      answer(ctx, FakeAnswer.error(429, 42910000, "rate limit exceeded"));
      return;
    }
    rateHeaders(ctx, remaining, reset);
    if (fault != null) {
      switch (fault.kind()) {
        case LOSE_BEFORE_ACTING -> {
          ctx.future(CompletableFuture::new); // never completes: the client times out
          return;
        }
        case ERROR_BEFORE_ACTING -> {
          answer(ctx, FakeAnswer.error(fault.status(), 50010000, "internal server error"));
          return;
        }
        case LOSE_AFTER_ACTING -> {
          action.get();
          ctx.future(CompletableFuture::new);
          return;
        }
        case ERROR_AFTER_ACTING -> {
          action.get();
          answer(ctx, FakeAnswer.error(fault.status(), 50010000, "internal server error"));
          return;
        }
        default -> throw new IllegalStateException("unhandled fault " + fault);
      }
    }
    answer(ctx, action.get());
  }

  private void rateHeaders(Context ctx, int remaining, long reset) {
    ctx.header("X-Ratelimit-Limit", String.valueOf(limitPerMinute));
    ctx.header("X-Ratelimit-Remaining", String.valueOf(remaining));
    ctx.header("X-Ratelimit-Reset", String.valueOf(reset));
  }

  private static void answer(Context ctx, FakeAnswer answer) {
    ctx.status(answer.status());
    if (answer.body() != null) {
      ctx.contentType("application/json").result(answer.body().toString());
    }
  }

  static ArrayNode array(
      ObjectMapper json, List<? extends com.fasterxml.jackson.databind.JsonNode> items) {
    ArrayNode array = json.createArrayNode();
    items.forEach(array::add);
    return array;
  }
}
