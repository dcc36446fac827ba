package io.tradecore.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.duckdb.DuckDBPreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columnar cache of CSV traces: per trace version, a folder of Parquet files in the cache
 * folder, written by DuckDB on first use into a temporary folder and renamed into place; concurrent
 * callers for the same uncached trace wait for one build.
 */
final class TraceCache {
  private static final Logger LOG = LoggerFactory.getLogger(TraceCache.class);

  private final Path dir;
  private final DuckDb db;
  private final CacheProgress progress;
  private final ConcurrentMap<String, CompletableFuture<Path>> building = new ConcurrentHashMap<>();
  private final AtomicLong builds = new AtomicLong();

  TraceCache(Path dir, DuckDb db, CacheProgress progress) {
    this.dir = dir;
    this.db = db;
    this.progress = progress;
  }

  /** A cache folder ready to read, and whether this call built it. */
  record Entry(Path folder, boolean built) {

    /** The DuckDB relation reading every Parquet file of the cache. */
    String relation() {
      return "read_parquet(" + Sql.literal(folder.resolve("*.parquet").toString()) + ")";
    }
  }

  /** The Parquet cache of {@code csv}, built first if it is missing. */
  Entry get(Path csv) {
    CacheKey key;
    try {
      key = CacheKey.of(csv);
    } catch (IOException e) {
      throw new TraceReadException("cannot read " + csv.getFileName() + ": " + e, e);
    }
    Path target = dir.resolve(key.fileName());
    if (Files.isDirectory(target)) {
      return new Entry(target, false);
    }
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> running = building.putIfAbsent(key.fileName(), mine);
    if (running != null) {
      return new Entry(await(running), false);
    }
    try {
      boolean built = false;
      if (!Files.isDirectory(target)) {
        build(csv, key, target);
        built = true;
      }
      mine.complete(target);
      return new Entry(target, built);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      building.remove(key.fileName(), mine);
    }
  }

  /** How many caches this cache has built. */
  long builds() {
    return builds.get();
  }

  private static Path await(CompletableFuture<Path> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void build(Path csv, CacheKey key, Path target) {
    Path tmp = dir.resolve(key.fileName() + "." + UUID.randomUUID() + ".tmp");
    long start = System.nanoTime();
    LOG.info(
        "insights: caching trace {} ({} MB) as Parquet in {}",
        csv,
        key.size() / 1_000_000,
        target.getFileName());
    try {
      Files.createDirectories(dir);
      try (Connection c = db.connect()) {
        copy(c, csv, tmp, true, key.size());
        if (!hasParquet(tmp)) {
          Files.createDirectories(tmp);
          copy(c, csv, tmp, false, key.size());
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      builds.incrementAndGet();
      Entry entry = new Entry(target, true);
      LOG.info(
          "insights: cached {} rows of {} in {} ms ({} MB of Parquet)",
          rowCount(entry),
          csv.getFileName(),
          (System.nanoTime() - start) / 1_000_000,
          size(target) / 1_000_000);
      removeStale(key, target);
    } catch (SQLException e) {
      throw new TraceReadException(
          "cannot read " + csv.getFileName() + " as CSV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace cache in " + dir, e);
    } finally {
      deleteTree(tmp);
    }
  }

  private void copy(Connection c, Path csv, Path out, boolean perThread, long size)
      throws SQLException {
    String sql = CsvToParquet.copySql(c, csv, out, perThread);
    LOG.debug("insights: {}", sql);
    try (DuckDBPreparedStatement copy =
        c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
      CacheProgress.Watch watch = progress.watch(copy, csv.getFileName().toString(), size);
      try {
        copy.execute();
      } finally {
        watch.close();
      }
    }
  }

  private long rowCount(Entry entry) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + entry.relation())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean hasParquet(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.parquet")) {
      return files.iterator().hasNext();
    }
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      long total = 0;
      for (Path f : files.toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  /** Deletes the caches of older versions of the same trace. */
  private void removeStale(CacheKey key, Path keep) {
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(dir, key.pathPrefix() + "*.parquet")) {
      for (Path f : entries) {
        if (!f.equals(keep)) {
          deleteTree(f);
          LOG.info("insights: removed stale trace cache {}", f.getFileName());
        }
      }
    } catch (IOException e) {
      LOG.warn("insights: cannot clean stale trace caches: {}", e.toString());
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("insights: cannot delete {}: {}", root, e.toString());
    }
  }
}
