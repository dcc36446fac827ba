package io.tradecore.alpaca;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A client-side token bucket in step with Alpaca's {@code X-Ratelimit-*} headers: requests wait for
 * a token; the bucket never holds more than the broker says remain; an empty window or a 429 blocks
 * every caller until the reset; and after a failure the bucket restarts nearly empty, so the
 * requests that piled up during an outage trickle out at the refill rate instead of a storm.
 * Thread-safe.
 */
final class RateLimiter {
  private final Clock clock;
  private final Duration maxWait;
  private double capacity;
  private double perSecond;
  private double tokens;
  private Instant updated;
  private Instant blockedUntil;

  RateLimiter(Clock clock, int requestsPerMinute, Duration maxWait) {
    this.clock = clock;
    this.maxWait = maxWait;
    this.capacity = requestsPerMinute;
    this.perSecond = requestsPerMinute / 60.0;
    this.tokens = capacity;
    this.updated = clock.instant();
    this.blockedUntil = updated;
  }

  /** Takes a token and returns how long the caller must wait before using it. */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    refill(now);
    tokens -= 1;
    Duration blocked =
        now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
    Duration debt =
        tokens >= 0
            ? Duration.ZERO
            : Duration.ofMillis((long) Math.ceil(-tokens / perSecond * 1000));
    // No token accrues while blocked, so a debt is paid only after the block ends.
    Duration wait = blocked.plus(debt);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  /** Follows the headers of a response: the window's size, what remains of it, its reset. */
  synchronized void observe(HttpHeaders headers) {
    Instant now = clock.instant();
    refill(now);
    OptionalLong limit = number(headers, "X-Ratelimit-Limit");
    if (limit.isPresent() && limit.getAsLong() > 0) {
      capacity = limit.getAsLong();
      perSecond = capacity / 60.0;
    }
    OptionalLong remaining = number(headers, "X-Ratelimit-Remaining");
    if (remaining.isPresent()) {
      tokens = Math.min(tokens, remaining.getAsLong());
      if (remaining.getAsLong() <= 0) {
        resetOf(headers).ifPresent(this::blockUntil);
      }
    }
  }

  /**
   * After a 429: nobody sends until the window resets (or Retry-After passes), and not before
   * {@code backoff} either. Returns the wait this imposes on the caller.
   */
  synchronized Duration tooManyRequests(HttpHeaders headers, Duration backoff) {
    Instant now = clock.instant();
    refill(now);
    tokens = Math.min(tokens, 0);
    Instant until = now.plus(backoff);
    Instant reset = resetOf(headers).orElse(now);
    if (reset.isAfter(until)) {
      until = reset;
    }
    OptionalLong retryAfter = number(headers, "Retry-After");
    if (retryAfter.isPresent() && now.plusSeconds(retryAfter.getAsLong()).isAfter(until)) {
      until = now.plusSeconds(retryAfter.getAsLong());
    }
    blockUntil(until);
    Duration wait = Duration.between(now, blockedUntil);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** After a timeout, a lost connection or a 5xx: no burst when the broker comes back. */
  synchronized void failed() {
    refill(clock.instant());
    tokens = Math.min(tokens, 1);
  }

  private void blockUntil(Instant until) {
    Instant latest = clock.instant().plus(maxWait);
    Instant bounded = until.isAfter(latest) ? latest : until;
    if (bounded.isAfter(blockedUntil)) {
      blockedUntil = bounded;
    }
  }

  private Optional<Instant> resetOf(HttpHeaders headers) {
    OptionalLong reset = number(headers, "X-Ratelimit-Reset");
    return reset.isPresent()
        ? Optional.of(Instant.ofEpochSecond(reset.getAsLong()))
        : Optional.empty();
  }

  private void refill(Instant now) {
    // Tokens accrue only outside a block: a long 429 wait must not end in a full bucket.
    Instant from = updated.isBefore(blockedUntil) ? blockedUntil : updated;
    if (now.isAfter(from)) {
      double seconds = Duration.between(from, now).toNanos() / 1e9;
      tokens = Math.min(capacity, tokens + seconds * perSecond);
    }
    if (now.isAfter(updated)) {
      updated = now;
    }
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    return headers
        .firstValue(name)
        .map(String::strip)
        .filter(v -> v.matches("\\d{1,18}"))
        .map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }
}
