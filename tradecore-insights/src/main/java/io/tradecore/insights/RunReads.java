package io.tradecore.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads run folders on a few threads of its own, each request within a time limit: what is not done
 * by then is cancelled and answered with a problem instead. A run folder on a slow or hung file
 * system so costs its own entry, never the caller's thread, and never the server's ability to
 * answer other requests. Thread-safe.
 */
final class RunReads implements AutoCloseable {
  /** How long one request may spend reading run folders unless told otherwise. */
  static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

  private static final int THREADS = 4;
  private final Duration limit;
  private final ThreadPoolExecutor pool;

  RunReads(Duration limit) {
    this.limit = limit;
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "insights-read-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * {@code work} applied to each run, in order; a run whose work is not done within the limit
   * (counted from this call), or that failed, gets {@code instead} with a problem saying so.
   */
  <T> List<T> each(
      List<RunFolder> runs, Function<RunFolder, T> work, BiFunction<RunFolder, String, T> instead) {
    long deadline = System.nanoTime() + limit.toNanos();
    List<Future<T>> futures = new ArrayList<>();
    for (RunFolder run : runs) {
      futures.add(pool.submit(() -> work.apply(run)));
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      out.add(await(runs.get(i), futures.get(i), deadline, instead));
    }
    return out;
  }

  /** {@code work} applied to {@code run} within the limit, else {@code instead}. */
  <T> T one(RunFolder run, Function<RunFolder, T> work, BiFunction<RunFolder, String, T> instead) {
    return each(List.of(run), work, instead).get(0);
  }

  private <T> T await(
      RunFolder run, Future<T> future, long deadline, BiFunction<RunFolder, String, T> instead) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return instead.apply(
          run, "reading the run's files took longer than " + limit.toSeconds() + " s; skipped");
    } catch (ExecutionException e) {
      return instead.apply(
          run,
          "the run's files could not be read (" + e.getCause().getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return instead.apply(run, "reading the run's files was interrupted");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
