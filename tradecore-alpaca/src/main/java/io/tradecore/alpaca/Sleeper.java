package io.tradecore.alpaca;

import java.time.Duration;

/** Waits between retries; tests inject one that advances a test clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The wall-clock sleeper. */
  Sleeper SYSTEM = d -> Thread.sleep(d);

  void sleep(Duration duration) throws InterruptedException;
}
