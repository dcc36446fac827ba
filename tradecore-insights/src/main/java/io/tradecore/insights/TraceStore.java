package io.tradecore.insights;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads action traces with an in-process DuckDB (512 MB memory limit and 2 threads by default):
 * Parquet traces directly, CSV traces through a Parquet cache in {@link #cacheDir()}, built on
 * first read (for a large CSV, first a partial one holding what the first query needs, then the
 * whole one in the background). All aggregation runs in DuckDB; only bucket aggregates and at most
 * max_points rows per series reach the Java heap. Thread-safe; close it to release DuckDB's memory.
 */
public final class TraceStore implements AutoCloseable {
  /** The cache folder's name inside the app's data directory. */
  public static final String CACHE_FOLDER = "insights-cache";

  /** CSV traces this large or larger are first queried through a partial cache. */
  static final long PARTIAL_FROM_BYTES = 64L << 20;

  private final Path cacheDir;
  private final String memoryLimit;
  private final int threads;
  private final long partialFromBytes;
  private DuckDb db;
  private CacheProgress progress;
  private TraceCache cache;
  private TraceOpener opener;
  private boolean closed;

  /**
   * A store caching CSV traces in {@code cacheDir}, with DuckDB limited to 512 MB and 2 threads.
   */
  public TraceStore(Path cacheDir) {
    this(cacheDir, "512MB", 2);
  }

  /**
   * A store caching CSV traces in {@code cacheDir}, with DuckDB limited to {@code memoryLimit} (a
   * DuckDB size such as "512MB") and {@code threads} threads.
   */
  public TraceStore(Path cacheDir, String memoryLimit, int threads) {
    this(cacheDir, memoryLimit, threads, PARTIAL_FROM_BYTES);
  }

  /**
   * As {@link #TraceStore(Path, String, int)}, with CSV traces of at least {@code partialFromBytes}
   * first queried through a partial cache: step, env and the queried metrics, answered before the
   * whole cache, which is then built in the background.
   */
  TraceStore(Path cacheDir, String memoryLimit, int threads, long partialFromBytes) {
    this.cacheDir = cacheDir.toAbsolutePath().normalize();
    this.memoryLimit = memoryLimit;
    this.threads = threads;
    this.partialFromBytes = partialFromBytes;
  }

  /** A store caching in {@code <dataDir>/insights-cache}. */
  public static TraceStore inDataDir(Path dataDir) {
    return new TraceStore(dataDir.resolve(CACHE_FOLDER));
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * Starts DuckDB now rather than on the first trace read (loading its native library takes a
   * moment).
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("trace store is closed");
    }
    if (db == null) {
      db = new DuckDb(cacheDir.resolve("duckdb-tmp"), memoryLimit, threads);
      progress = new CacheProgress();
      cache = new TraceCache(cacheDir, db, progress);
      opener = new TraceOpener(db, cache, partialFromBytes);
    }
  }

  /**
   * The trace's columns, row count, env ids and step range; a CSV trace is cached first.
   *
   * @throws TraceReadException if the trace is missing or unreadable
   */
  public TraceInfo info(Path trace) {
    OpenTrace t = opener().open(trace, TraceQuery.of());
    completeLater(t);
    return t.info();
  }

  /**
   * Runs {@code query} on {@code trace}.
   *
   * @throws TraceQueryException if a metric or the env is not in the trace
   * @throws TraceReadException if the trace is missing or unreadable
   */
  public TraceResult query(Path trace, TraceQuery query) {
    long start = System.nanoTime();
    TraceOpener open = opener();
    OpenTrace t = open.open(trace, query);
    DuckDb duck = duck();
    try (Connection c = duck.connect()) {
      return TraceQueryRunner.run(
          c, t, query, start, () -> open.open(trace), cacheDir.resolve("duckdb-tmp"), threads);
    } catch (SQLException e) {
      throw new TraceReadException(
          "cannot query " + trace.getFileName() + ": " + e.getMessage(), e);
    } finally {
      completeLater(t);
    }
  }

  /**
   * Waits until the whole caches being built in the background are there (for tests and
   * benchmarks).
   */
  public void awaitBackgroundCaches() {
    cache().awaitBackground();
  }

  private void completeLater(OpenTrace t) {
    if (t.partial()) {
      cache().completeLater(t.partialOf());
    }
  }

  private synchronized TraceCache cache() {
    start();
    return cache;
  }

  /** How many CSV caches this store has built. */
  long cacheBuilds() {
    return cache == null ? 0 : cache.builds();
  }

  private synchronized TraceOpener opener() {
    start();
    return opener;
  }

  private synchronized DuckDb duck() {
    start();
    return db;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (db != null) {
      cache.close();
      progress.close();
      db.close();
      db = null;
    }
  }
}
