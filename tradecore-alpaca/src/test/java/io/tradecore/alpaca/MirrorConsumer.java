package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.alpaca.fake.FakeAlpaca;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A consumer as the engine will be one: stream events are queued onto its own thread and applied to
 * an {@link AccountMirror}; it catches up from FILL activities at start, after every reconnect and
 * on every pass while the stream is down.
 */
final class MirrorConsumer implements AutoCloseable {
  private final AlpacaClient client;
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  final AccountMirror mirror = new AccountMirror(null);
  final TradeUpdatesStream stream;

  MirrorConsumer(AlpacaClient client, StreamOptions options) {
    this.client = client;
    this.stream =
        new TradeUpdatesStream(
            client.config(),
            HttpClient.newHttpClient(),
            options,
            new SplittableRandom(11),
            new StreamListener<>() {
              @Override
              public void onEvent(TradeUpdate event) {
                inbox.add(event);
              }

              @Override
              public void onStateChange(StreamState state, String reason) {
                inbox.add(state);
              }
            });
    stream.start();
  }

  /** Applies queued events, catching up where the stream says it must, until {@code done}. */
  void settle(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        Object next = inbox.poll(20, TimeUnit.MILLISECONDS);
        if (next instanceof TradeUpdate update) {
          mirror.apply(update);
        } else if (next == StreamState.CONNECTED) {
          mirror.catchUp(client, null); // whatever happened while it was down
        } else if (next == null && stream.state() != StreamState.CONNECTED) {
          mirror.catchUp(client, null); // polling instead of the stream
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
      if (done.getAsBoolean() && inbox.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out settling: " + what);
      }
    }
  }

  /** The mirror holds exactly the broker's executions and positions. */
  void assertMatches(FakeAlpaca fake) {
    assertThat(
            mirror.executions().stream()
                .map(e -> e.orderId() + "@" + e.cumQty().stripTrailingZeros().toPlainString())
                .collect(Collectors.toSet()))
        .as("executions, each once")
        .hasSameSizeAs(mirror.executions())
        .containsExactlyInAnyOrderElementsOf(fake.executions());
    assertThat(normalized(mirror.positions()))
        .as("positions")
        .isEqualTo(normalized(fake.positions()));
  }

  private static Map<String, String> normalized(Map<String, BigDecimal> positions) {
    Map<String, String> out = new TreeMap<>();
    positions.forEach((s, q) -> out.put(s, q.stripTrailingZeros().toPlainString()));
    return out;
  }

  @Override
  public void close() {
    stream.close();
  }
}
