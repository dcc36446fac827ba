package io.tradecore.alpaca;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Reassembles a websocket's frames into whole messages, text or binary (Alpaca's paper trade stream
 * sends binary frames), and passes them and the socket's life events to a {@link Sink}.
 */
final class FrameListener implements WebSocket.Listener {

  /** Where the messages and events of one socket go. */
  interface Sink {
    void opened(WebSocket ws);

    /**
     * A whole message, {@code receivedNanos} being {@link System#nanoTime()} when its last frame
     * came.
     */
    void message(String text, long receivedNanos);

    /** A ping or pong: the connection is alive. */
    void heard();

    void closed(String reason);

    void failed(Throwable error);
  }

  private final Sink sink;
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  FrameListener(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void onOpen(WebSocket ws) {
    sink.opened(ws);
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      sink.message(text.toString(), System.nanoTime());
      text.setLength(0);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    bytes.writeBytes(chunk);
    if (last) {
      sink.message(bytes.toString(StandardCharsets.UTF_8), System.nanoTime());
      bytes.reset();
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
    sink.heard();
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
    sink.heard();
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
    sink.closed("closed by Alpaca (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    sink.failed(error);
  }
}
