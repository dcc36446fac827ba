package io.tradecore.alpaca;

import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.alpaca.fake.TestClock;
import io.tradecore.core.domain.ClientOrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fake Alpaca and a client wired to it with a test clock and a recording sleeper. */
abstract class AgainstFakeAlpaca {
  /** Short timeouts and a fixed jitter seed, so lost answers cost a fraction of a second. */
  static final RetryPolicy FAST = RetryPolicy.DEFAULT.withRequestTimeout(Duration.ofSeconds(2));

  static final StreamOptions QUICK_STREAMS =
      new StreamOptions(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofMillis(20),
          Duration.ofMillis(200));

  final TestClock clock = new TestClock(Instant.parse("2024-03-05T15:30:00Z"));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  FakeAlpaca fake;
  AlpacaClient client;

  @BeforeEach
  void startFake() {
    fake = FakeAlpaca.start(clock);
    fake.warmUp();
    client = client(fake.config(), FAST);
  }

  @AfterEach
  void stopFake() {
    client.close();
    fake.close();
  }

  AlpacaClient client(AlpacaConfig config, RetryPolicy policy) {
    return AlpacaClient.builder(config)
        .policy(policy)
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .random(new SplittableRandom(7))
        .build();
  }

  static ClientOrderId id(String value) {
    return new ClientOrderId(value);
  }

  /** Polls {@code condition} until it holds or five seconds pass. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(5); // a poll interval, not a wait for a fixed time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
