package io.tradecore.runner.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP endpoint that takes JSON POSTs and can be scripted to have a bad day: answer an
 * error status, drop the connection without an answer, or hold a request until released.
 */
public abstract class FakeHttpEndpoint implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** How the endpoint answers the next requests. */
  public enum Mode {
    UP,
    /** 503 Service Unavailable. */
    FAILING,
    /** Closes the connection without an answer. */
    DROPPING
  }

  /** One request that reached the endpoint, accepted or not. */
  public record Received(
      Instant at, String path, JsonNode body, String headersText, boolean accepted) {}

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private volatile Mode mode = Mode.UP;
  private volatile int holdNext;
  private volatile CountDownLatch held = new CountDownLatch(0);
  private volatile CountDownLatch release = new CountDownLatch(0);

  protected FakeHttpEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
  }

  /** Starts answering; called by each (final) endpoint once it is built. */
  protected final void start() {
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void mode(Mode value) {
    this.mode = value;
  }

  /**
   * The next accepted request is held unanswered (after it has been recorded) until {@link
   * #releaseHeld}; the returned latch opens once it arrives.
   */
  public CountDownLatch holdNext() {
    held = new CountDownLatch(1);
    release = new CountDownLatch(1);
    holdNext = 1;
    return held;
  }

  public void releaseHeld() {
    release.countDown();
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** The bodies of the requests that were accepted, in order. */
  public synchronized List<JsonNode> accepted() {
    return received.stream().filter(Received::accepted).map(Received::body).toList();
  }

  /** The answer to an accepted request: a status and body. */
  protected record Answer(int status, String body, String retryAfter) {}

  /** Answers an accepted request (after the scripted faults), or refuses it. */
  protected abstract Answer answer(String path, JsonNode body);

  /** The answer to a request for {@code path} while {@link Mode#FAILING}. */
  protected Answer failing(String path) {
    return new Answer(503, "{\"error\":\"unavailable\"}", null);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] bytes = x.getRequestBody().readAllBytes();
      JsonNode body =
          JSON.readTree(bytes.length == 0 ? "{}" : new String(bytes, StandardCharsets.UTF_8));
      String path = x.getRequestURI().getPath();
      StringBuilder headers = new StringBuilder();
      x.getRequestHeaders()
          .forEach((k, v) -> headers.append(k).append(": ").append(v).append('\n'));
      Mode now = mode;
      if (now == Mode.DROPPING) {
        record(new Received(Instant.now(), path, body, headers.toString(), false));
        return; // closed without an answer
      }
      Answer a = now == Mode.FAILING ? failing(path) : answer(path, body);
      boolean ok = a.status() / 100 == 2;
      record(new Received(Instant.now(), path, body, headers.toString(), ok));
      if (ok && holdNext > 0) {
        holdNext = 0;
        held.countDown();
        release.await();
      }
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      if (a.retryAfter() != null) {
        x.getResponseHeaders().set("Retry-After", a.retryAfter());
      }
      x.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        x.getResponseBody().write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void record(Received r) {
    received.add(r);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
