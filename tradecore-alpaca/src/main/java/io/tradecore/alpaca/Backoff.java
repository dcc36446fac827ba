package io.tradecore.alpaca;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential backoff with jitter: the n-th retry waits between half and all of {@code
 * min(max, base * 2^(n-1))}, so clients that failed together do not retry together.
 */
final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait before retry {@code retry} (1 for the first retry). */
  Duration delay(int retry) {
    long cap = max.toMillis();
    long millis = base.toMillis();
    for (int i = 1; i < retry && millis < cap; i++) {
      millis *= 2;
    }
    millis = Math.min(millis, cap);
    long half = millis / 2;
    return Duration.ofMillis(half + (millis - half == 0 ? 0 : random.nextLong(millis - half + 1)));
  }
}
