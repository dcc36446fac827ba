package io.tradecore.app.process;

import io.tradecore.core.domain.PortfolioId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Waits on runner processes and on what they commit, each bounded in time. */
final class RunnerWaits {
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  private RunnerWaits() {}

  /** Waits until the portfolio's lease is free or expired. */
  static void awaitLeaseFree(TestStore store, PortfolioId portfolio) {
    Await.until(
        TIMEOUT,
        () -> "the lease of " + portfolio + " to be free: " + store.lease(portfolio),
        () ->
            store
                .lease(portfolio)
                .map(l -> l.expiresAt().toEpochMilli() < System.currentTimeMillis())
                .orElse(true));
  }

  /**
   * Starts a runner once the lease is free and waits until it holds it; one refused because another
   * runner came first is started again.
   */
  static CliProcess startWhenLeaseFree(
      CliLauncher launcher, TestStore store, PortfolioId portfolio, String label, List<String> args)
      throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      awaitLeaseFree(store, portfolio);
      CliProcess runner = launcher.start(label, args);
      boolean holds =
          Await.value(
              TIMEOUT,
              () -> label + " to take the lease: " + runner.describe(),
              () -> {
                if (store.lease(portfolio).filter(l -> l.pid() == runner.pid()).isPresent()) {
                  return java.util.Optional.of(true);
                }
                return runner.isAlive() ? java.util.Optional.empty() : java.util.Optional.of(false);
              });
      if (holds) {
        return runner;
      }
      if (!runner.stderr().contains("is being traded by run")) {
        throw new AssertionError(label + " ended before it took the lease: " + runner.describe());
      }
    }
    throw new AssertionError(label + " was refused the lease 20 times");
  }

  /** Waits until the portfolio's committed feed position reaches {@code target}. */
  static void awaitPosition(
      TestStore store, PortfolioId portfolio, CliProcess runner, long target) {
    Await.until(
        TIMEOUT,
        () ->
            "feed position "
                + target
                + " (at "
                + store.feedPosition(portfolio)
                + "): "
                + runner.describe(),
        () -> {
          if (store.feedPosition(portfolio) >= target) {
            return true;
          }
          if (!runner.isAlive()) {
            throw new AssertionError(
                "the runner ended before feed position " + target + ": " + runner.describe());
          }
          return false;
        });
  }
}
