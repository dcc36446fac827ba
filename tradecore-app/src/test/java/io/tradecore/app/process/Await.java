package io.tradecore.app.process;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: every wait in the process tests ends, with a message saying what never came. */
final class Await {
  private static final Duration POLL = Duration.ofMillis(10);

  private Await() {}

  /**
   * The first value {@code probe} yields within {@code timeout}, or a failure naming {@code what}.
   */
  static <T> T value(Duration timeout, Supplier<String> what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + timeout + " in vain for " + what.get());
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  /** Returns once {@code condition} holds, or fails after {@code timeout}. */
  static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
    value(timeout, what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }
}
