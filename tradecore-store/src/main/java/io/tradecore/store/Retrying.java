package io.tradecore.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a unit of database work again when it failed for a reason that passes: a dropped or
 * restarted PostgreSQL connection, a serialization failure or deadlock, a lock or idle timeout,
 * SQLite's "database is locked". The work must be a whole transaction, so a failed attempt left
 * nothing behind. Other failures, and a {@link LeaseLostException}, are thrown at once.
 */
public final class Retrying {
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  /** Hears of each failed attempt that will be retried. */
  @FunctionalInterface
  public interface Listener {
    void retrying(int attempt, String reason, Duration pause);

    Listener NONE = (attempt, reason, pause) -> {};
  }

  private Retrying() {}

  /**
   * Runs {@code work} until it succeeds, retrying transient failures with a growing pause (0.2 s,
   * doubling, at most 5 s) for up to {@code patience} in all.
   */
  public static <T> T run(Supplier<T> work, Duration patience, Listener listener) {
    long deadline = System.nanoTime() + patience.toNanos();
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (!isTransient(e) || System.nanoTime() + pause.toNanos() - deadline > 0) {
          throw e;
        }
        listener.retrying(attempt, reason(e), pause);
        LockSupport.parkNanos(pause.toNanos());
        pause = pause.multipliedBy(2);
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
          pause = LONGEST_PAUSE;
        }
      }
    }
  }

  /** Whether {@code e} is a failure that may pass if the same work is tried again. */
  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LeaseLostException) {
        return false;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && (state.startsWith("08")
                || state.startsWith("57P")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("55P03")
                || state.equals("25P03")
                || state.equals("53300"))) {
          return true;
        }
        String message = String.valueOf(sql.getMessage());
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
          return true;
        }
      }
      if (t instanceof java.sql.SQLTransientException
          || t instanceof java.sql.SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message of {@code e}, on one line. */
  public static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
