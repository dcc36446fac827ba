package io.tradecore.alpaca;

import java.time.Duration;

/**
 * How patiently the client talks to Alpaca: timeouts, retry count and backoff bounds, the longest
 * wait a 429 may impose, and the request budget per minute before Alpaca's headers say otherwise.
 * Immutable.
 *
 * @param maxAttempts attempts per request, the first included (a lost order counts its lookups
 *     apart)
 * @param maxRateLimitWait the longest single wait a 429 or an empty budget may impose
 * @param requestsPerMinute the starting budget; Alpaca's X-Ratelimit-Limit replaces it
 */
public record RetryPolicy(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRateLimitWait,
    int requestsPerMinute) {

  /** Alpaca's documented default of 200 requests a minute, 10 s per request, 4 attempts. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          4,
          Duration.ofMillis(250),
          Duration.ofSeconds(8),
          Duration.ofSeconds(60),
          200);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
    }
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= baseDelay <= maxDelay");
    }
  }

  /** This policy with another per-request timeout. */
  public RetryPolicy withRequestTimeout(Duration timeout) {
    return new RetryPolicy(
        connectTimeout,
        timeout,
        maxAttempts,
        baseDelay,
        maxDelay,
        maxRateLimitWait,
        requestsPerMinute);
  }
}
