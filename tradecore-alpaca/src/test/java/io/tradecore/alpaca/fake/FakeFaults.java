package io.tradecore.alpaca.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/** Scripted REST faults of the fake broker, each used up by the first request it matches. */
public final class FakeFaults {
  /** What goes wrong. */
  public enum Kind {
    /** No answer ever comes, and the request is not acted on. */
    LOSE_BEFORE_ACTING,
    /** The request is acted on, then no answer ever comes. */
    LOSE_AFTER_ACTING,
    /** An error status, and the request is not acted on. */
    ERROR_BEFORE_ACTING,
    /** The request is acted on, then an error status. */
    ERROR_AFTER_ACTING,
    /** 429 with X-Ratelimit-Reset, not acted on. */
    RATE_LIMITED
  }

  /** One scripted fault; {@code method} or {@code path} null match any. */
  record Fault(String method, String path, Kind kind, int status, Duration resetIn) {}

  private final Deque<Fault> queue = new ArrayDeque<>();

  /** The next {@code method path} request acts (or not) and never gets an answer. */
  public synchronized void loseResponse(String method, String path, boolean afterActing) {
    queue.add(
        new Fault(
            method, path, afterActing ? Kind.LOSE_AFTER_ACTING : Kind.LOSE_BEFORE_ACTING, 0, null));
  }

  /** The next {@code times} matching requests get {@code status}, acted on or not. */
  public synchronized void fail(
      String method, String path, int status, int times, boolean afterActing) {
    for (int i = 0; i < times; i++) {
      queue.add(
          new Fault(
              method,
              path,
              afterActing ? Kind.ERROR_AFTER_ACTING : Kind.ERROR_BEFORE_ACTING,
              status,
              null));
    }
  }

  /** The next {@code times} requests of any kind get 429, the window resetting in {@code in}. */
  public synchronized void rateLimit(int times, Duration in) {
    for (int i = 0; i < times; i++) {
      queue.add(new Fault(null, null, Kind.RATE_LIMITED, 429, in));
    }
  }

  synchronized Optional<Fault> take(String method, String path) {
    for (Iterator<Fault> it = queue.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if ((f.method() == null || f.method().equals(method))
          && (f.path() == null || path.startsWith(f.path()))) {
        it.remove();
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public synchronized int pending() {
    return queue.size();
  }
}
