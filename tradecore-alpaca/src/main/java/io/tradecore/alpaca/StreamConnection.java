package io.tradecore.alpaca;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A websocket to Alpaca that keeps itself up: connects, lets the protocol authenticate and
 * subscribe, pings, treats a long silence as a drop, and reconnects with backoff, reporting each
 * state change. Everything runs on one thread of its own, so the protocol needs no locks.
 */
abstract class StreamConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

  private final String name;
  private final HttpClient http;
  private final URI uri;
  private final StreamOptions options;
  private final Backoff backoff;
  private final StreamListener<?> listener;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile StreamState state = StreamState.DISCONNECTED;
  // The fields below belong to the stream's thread.
  private WebSocket socket;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private long generation;
  private int failures;
  private long lastHeardNanos;
  private long messageNanos;
  private boolean closed;

  StreamConnection(
      String name,
      HttpClient http,
      URI uri,
      StreamOptions options,
      RandomGenerator random,
      StreamListener<?> listener) {
    this.name = name;
    this.http = http;
    this.uri = uri;
    this.options = options;
    this.backoff = new Backoff(options.reconnectBase(), options.reconnectMax(), random);
    this.listener = listener;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r ->
                Thread.ofPlatform().daemon().name("alpaca-" + name.replace(' ', '-')).unstarted(r));
  }

  /** Starts connecting; events and state changes follow on the stream's thread. */
  public void start() {
    if (started.getAndSet(true)) {
      throw new IllegalStateException("the Alpaca " + name + " stream is already started");
    }
    thread.execute(this::connect);
    long ping = options.pingInterval().toMillis();
    thread.scheduleAtFixedRate(this::heartbeat, ping, ping, TimeUnit.MILLISECONDS);
  }

  /** The stream's state now; a caller polls the REST API while it is not {@code CONNECTED}. */
  public StreamState state() {
    return state;
  }

  /** Closes the socket and stops reconnecting. */
  @Override
  public void close() {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(
        () -> {
          closed = true;
          generation++;
          if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "closing").exceptionally(e -> null);
            socket = null;
          }
          changeState(StreamState.CLOSED, null);
        });
    thread.shutdown();
    try {
      thread.awaitTermination(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The socket is open: begin the protocol (authenticate, or wait for a greeting). */
  abstract void opened();

  /** One whole message from Alpaca. */
  abstract void received(String message);

  /**
   * {@link System#nanoTime()} when the message being {@link #received} came off the socket (before
   * it moved onto the stream's thread).
   */
  final long receivedNanos() {
    return messageNanos;
  }

  /** Sends {@code text} after whatever was sent before it. */
  final void send(String text) {
    WebSocket ws = socket;
    if (ws == null) {
      return;
    }
    long gen = generation;
    sending =
        sending
            .handle((x, e) -> null)
            .thenCompose(x -> ws.sendText(text, true))
            .whenCompleteAsync(
                (x, e) -> {
                  if (e != null) {
                    drop(gen, "cannot send: " + e.getClass().getSimpleName());
                  }
                },
                thread);
  }

  /** Authenticated and subscribed: the stream is up, and the backoff starts again from zero. */
  final void subscribed() {
    failures = 0;
    changeState(StreamState.CONNECTED, null);
  }

  /** The protocol failed (keys refused, an error message): drop and reconnect later. */
  final void refused(String reason) {
    drop(generation, reason);
  }

  /** Runs {@code task} on the stream's thread. */
  final void onStreamThread(Runnable task) {
    later(task);
  }

  private void connect() {
    if (closed) {
      return;
    }
    long gen = ++generation;
    changeState(StreamState.CONNECTING, null);
    http.newWebSocketBuilder()
        .connectTimeout(options.connectTimeout())
        .buildAsync(uri, new FrameListener(new Connection(gen)))
        .whenCompleteAsync(
            (ws, error) -> {
              if (error != null) {
                drop(gen, "cannot connect: " + rootMessage(error));
              } else if (gen != generation || closed) {
                ws.abort();
              } else {
                attach(gen, ws);
              }
            },
            thread);
  }

  /**
   * The socket of connection {@code gen} is open. Called from the listener's onOpen, which comes
   * before any message, and again when the connect completes; the first call wins.
   */
  private void attach(long gen, WebSocket ws) {
    if (gen != generation || closed || socket == ws) {
      return;
    }
    socket = ws;
    sending = CompletableFuture.completedFuture(null);
    lastHeardNanos = System.nanoTime();
    thread.schedule(
        () -> authDeadline(gen), options.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    opened();
  }

  private void authDeadline(long gen) {
    if (gen == generation && state != StreamState.CONNECTED) {
      drop(gen, "not subscribed within " + options.authTimeout().toMillis() + " ms");
    }
  }

  private void heartbeat() {
    WebSocket ws = socket;
    if (ws == null || closed) {
      return;
    }
    long silentMillis = (System.nanoTime() - lastHeardNanos) / 1_000_000;
    if (silentMillis > options.silenceTimeout().toMillis()) {
      drop(generation, "silent for " + silentMillis + " ms");
    } else {
      ws.sendPing(ByteBuffer.wrap(new byte[] {1})).exceptionally(e -> null);
    }
  }

  private void drop(long gen, String reason) {
    if (gen != generation || closed) {
      return;
    }
    generation++;
    if (socket != null) {
      socket.abort();
      socket = null;
    }
    failures++;
    long wait = backoff.delay(failures).toMillis();
    LOG.warn("Alpaca {} stream dropped: {}; reconnecting in {} ms", name, reason, wait);
    changeState(StreamState.DISCONNECTED, reason);
    thread.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
  }

  private void changeState(StreamState next, String reason) {
    if (state == next && reason == null) {
      return;
    }
    state = next;
    try {
      listener.onStateChange(next, reason);
    } catch (RuntimeException e) {
      LOG.error("Alpaca {} stream listener failed on a state change", name, e);
    }
  }

  /** Runs {@code task} on the stream's thread unless the stream has shut down. */
  private void later(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      // closed: nothing more to do for this socket
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : " " + root.getMessage());
  }

  /** The events of connection {@code gen}, moved onto the stream's thread. */
  private final class Connection implements FrameListener.Sink {
    private final long gen;

    Connection(long gen) {
      this.gen = gen;
    }

    @Override
    public void opened(WebSocket ws) {
      later(() -> attach(gen, ws));
    }

    @Override
    public void message(String text, long receivedNanos) {
      later(
          () -> {
            if (gen != generation || closed) {
              return;
            }
            lastHeardNanos = System.nanoTime();
            messageNanos = receivedNanos;
            LOG.debug("Alpaca {} stream received {} characters", name, text.length());
            try {
              received(text);
            } catch (RuntimeException e) {
              LOG.error("Alpaca {} stream: cannot handle a message", name, e);
            }
          });
    }

    @Override
    public void heard() {
      later(
          () -> {
            if (gen == generation) {
              lastHeardNanos = System.nanoTime();
            }
          });
    }

    @Override
    public void closed(String reason) {
      later(() -> drop(gen, reason));
    }

    @Override
    public void failed(Throwable error) {
      later(() -> drop(gen, "connection failed: " + rootMessage(error)));
    }
  }
}
