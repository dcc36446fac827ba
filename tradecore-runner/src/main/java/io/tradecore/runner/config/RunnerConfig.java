package io.tradecore.runner.config;

import java.time.Duration;

/**
 * Lease timing of a portfolio runner: how long a lease lasts and how often it is renewed;
 * immutable.
 */
public record RunnerConfig(int leaseSeconds, int heartbeatSeconds) {
  public static final int MIN_LEASE_SECONDS = 2;
  public static final int MAX_LEASE_SECONDS = 3600;
  public static final RunnerConfig DEFAULTS = new RunnerConfig(15, 5);

  /** Validates the ranges and that a heartbeat comes before the lease runs out. */
  public RunnerConfig {
    Values.checkRange(leaseSeconds, MIN_LEASE_SECONDS, MAX_LEASE_SECONDS);
    Values.checkRange(heartbeatSeconds, 1, leaseSeconds - 1);
  }

  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  public Duration heartbeat() {
    return Duration.ofSeconds(heartbeatSeconds);
  }
}
