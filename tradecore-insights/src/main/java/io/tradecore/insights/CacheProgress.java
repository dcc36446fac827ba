package io.tradecore.insights;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the progress of running cache builds every few seconds from one daemon thread. */
final class CacheProgress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CacheProgress.class);
  private static final long PERIOD_MS = 2_000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "insights-cache-progress");
            t.setDaemon(true);
            return t;
          });

  /** A running watch; closing it stops the logging. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /** Logs {@code statement}'s progress until the returned watch is closed. */
  Watch watch(DuckDBPreparedStatement statement, String file, long sizeBytes) {
    long start = System.nanoTime();
    ScheduledFuture<?> task =
        timer.scheduleAtFixedRate(
            () -> log(statement, file, sizeBytes, start),
            PERIOD_MS,
            PERIOD_MS,
            TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  private static void log(DuckDBPreparedStatement statement, String file, long size, long start) {
    try {
      QueryProgress p = statement.getQueryProgress();
      double pct = p.getPercentage();
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      if (pct >= 0) {
        LOG.info(
            "insights: caching {}: {}% of {} MB after {} s",
            file, Math.round(pct), size / 1_000_000, seconds);
      } else {
        LOG.info("insights: caching {}: running for {} s", file, seconds);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("insights: no progress for {}: {}", file, e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
