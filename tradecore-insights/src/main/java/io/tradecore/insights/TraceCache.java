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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.duckdb.DuckDBPreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columnar cache of CSV traces: per trace version, a folder of Parquet files in the cache
 * folder, written by DuckDB into a temporary folder and renamed into place; concurrent callers for
 * the same uncached trace wait for one build.
 *
 * <p>A large CSV's first query need not wait for the whole cache: {@link #partial} writes just
 * step, env and the queried metrics (parsing every field and encoding ten columns is most of a
 * whole build), and {@link #completeLater} then builds the whole cache on a background thread. Once
 * that is there, every query reads it, and the partial folders are deleted a little later (a query
 * may still be reading one).
 */
final class TraceCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TraceCache.class);
  private static final long PARTIAL_RETIRE_SECONDS = 30;
  private static final String PART = ".part-";

  private final Path dir;
  private final DuckDb db;
  private final CacheProgress progress;
  private final ConcurrentMap<String, CompletableFuture<Path>> building = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CsvToParquet.Plan> plans = new ConcurrentHashMap<>();
  private final AtomicLong builds = new AtomicLong();
  private final Set<Path> retired = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService background =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "insights-cache-build");
            t.setDaemon(true);
            return t;
          });

  TraceCache(Path dir, DuckDb db, CacheProgress progress) {
    this.dir = dir;
    this.db = db;
    this.progress = progress;
    removeRetiredPartials();
  }

  /** Deletes partial caches a stopped process left beside a whole cache of the same trace. */
  private void removeRetiredPartials() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.part-*.parquet")) {
      for (Path f : entries) {
        String name = f.getFileName().toString();
        Path whole = dir.resolve(name.substring(0, name.indexOf(PART)) + ".parquet");
        if (Files.isDirectory(whole)) {
          deleteTree(f);
        }
      }
    } catch (IOException e) {
      LOG.warn("insights: cannot clean partial trace caches: {}", e.toString());
    }
  }

  /** A cache folder ready to read, whether this call built it, and whether it is partial. */
  record Entry(Path folder, boolean built, boolean partial) {

    /** The DuckDB relation reading every Parquet file of the cache. */
    String relation() {
      return "read_parquet(" + Sql.literal(folder.resolve("*.parquet").toString()) + ")";
    }
  }

  /** The whole Parquet cache of {@code csv}, built first (or awaited) if it is missing. */
  Entry get(Path csv) {
    CacheKey key = key(csv);
    Path target = dir.resolve(key.fileName());
    if (Files.isDirectory(target)) {
      return new Entry(target, false, false);
    }
    return build(key.fileName(), target, () -> buildWhole(csv, key, target), false);
  }

  /** Whether the whole cache of {@code csv} is there. */
  boolean complete(Path csv) {
    return Files.isDirectory(dir.resolve(key(csv).fileName()));
  }

  /**
   * A cache of {@code csv} holding at least step, env and {@code metrics}: the whole cache when it
   * is there, else a partial one of these metrics when it is there, else the whole cache when it is
   * being built, else a partial one, built now.
   */
  Entry partial(Path csv, Collection<String> metrics) {
    CacheKey key = key(csv);
    Path whole = dir.resolve(key.fileName());
    if (Files.isDirectory(whole)) {
      return new Entry(whole, false, false);
    }
    List<String> sorted = metrics.stream().sorted().distinct().toList();
    String name =
        partialPrefix(key.fileName())
            + CacheKey.sha256(String.join("\n", sorted)).substring(0, 12)
            + ".parquet";
    Path target = dir.resolve(name);
    if (Files.isDirectory(target)) {
      return new Entry(target, false, true);
    }
    if (building.containsKey(key.fileName())) {
      return get(csv); // the whole cache is on its way: no second scan of the CSV beside it
    }
    return build(name, target, () -> buildPartial(csv, key, target, sorted), true);
  }

  /** Builds the whole cache of {@code csv} on the background thread, unless it is there. */
  void completeLater(Path csv) {
    background.execute(
        () -> {
          try {
            get(csv);
          } catch (RuntimeException e) {
            LOG.warn("insights: cannot cache {}: {}", csv.getFileName(), e.getMessage());
          }
        });
  }

  /** The conversion plan of {@code csv} (its columns and their types). */
  CsvToParquet.Plan plan(Path csv) {
    CacheKey key = key(csv);
    return plans.computeIfAbsent(
        key.fileName(),
        k -> {
          try (Connection c = db.connect()) {
            return CsvToParquet.plan(c, csv);
          } catch (SQLException e) {
            throw new TraceReadException(
                "cannot read " + csv.getFileName() + " as CSV: " + e.getMessage(), e);
          }
        });
  }

  /** Waits for the background builds submitted so far. */
  void awaitBackground() {
    try {
      background.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many caches (whole or partial) this cache has built. */
  long builds() {
    return builds.get();
  }

  @Override
  public void close() {
    background.shutdownNow();
    retired.forEach(TraceCache::deleteTree); // no query reads them any more
  }

  private Entry build(String name, Path target, Runnable work, boolean partial) {
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> running = building.putIfAbsent(name, mine);
    if (running != null) {
      return new Entry(await(running), false, partial);
    }
    try {
      boolean built = false;
      if (!Files.isDirectory(target)) {
        work.run();
        built = true;
      }
      mine.complete(target);
      return new Entry(target, built, partial);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      building.remove(name, mine);
    }
  }

  private static CacheKey key(Path csv) {
    try {
      return CacheKey.of(csv);
    } catch (IOException e) {
      throw new TraceReadException("cannot read " + csv.getFileName() + ": " + e, e);
    }
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

  private void buildWhole(Path csv, CacheKey key, Path target) {
    long start = System.nanoTime();
    LOG.info(
        "insights: caching trace {} ({} MB) as Parquet in {}",
        csv,
        key.size() / 1_000_000,
        target.getFileName());
    write(csv, key, target, null);
    Entry entry = new Entry(target, true, false);
    LOG.info(
        "insights: cached {} rows of {} in {} ms ({} MB of Parquet)",
        rowCount(entry, csv),
        csv.getFileName(),
        (System.nanoTime() - start) / 1_000_000,
        size(target) / 1_000_000);
    removeStale(key, target);
  }

  private void buildPartial(Path csv, CacheKey key, Path target, List<String> metrics) {
    long start = System.nanoTime();
    LOG.info(
        "insights: caching step, env and {} of {} ({} MB) first, the other columns next",
        String.join(", ", metrics),
        csv.getFileName(),
        key.size() / 1_000_000);
    write(csv, key, target, metrics);
    LOG.info(
        "insights: cached step, env and {} of {} in {} ms",
        String.join(", ", metrics),
        csv.getFileName(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Writes the cache folder {@code target} of {@code csv}: every column, or step, env, only. */
  private void write(Path csv, CacheKey key, Path target, Collection<String> only) {
    Path tmp = dir.resolve(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(dir);
      CsvToParquet.Plan plan = plan(csv);
      try (Connection c = db.connect()) {
        copy(c, plan, csv, tmp, true, key.size(), only);
        if (!hasParquet(tmp)) {
          Files.createDirectories(tmp);
          copy(c, plan, csv, tmp, false, key.size(), only);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      builds.incrementAndGet();
    } catch (SQLException e) {
      throw new TraceReadException(
          "cannot read " + csv.getFileName() + " as CSV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace cache in " + dir, e);
    } finally {
      deleteTree(tmp);
    }
  }

  private void copy(
      Connection c,
      CsvToParquet.Plan plan,
      Path csv,
      Path out,
      boolean perThread,
      long size,
      Collection<String> only)
      throws SQLException {
    String sql = CsvToParquet.copySql(plan, csv, out, perThread, only);
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

  private long rowCount(Entry entry, Path csv) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + entry.relation())) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new TraceReadException(
          "cannot read the cache of " + csv.getFileName() + ": " + e.getMessage(), e);
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

  private static long size(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      long total = 0;
      for (Path f : files.toList()) {
        total += Files.size(f);
      }
      return total;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Deletes the caches of older versions of the same trace now, and its partial caches (which a
   * query may still be reading) a little later.
   */
  private void removeStale(CacheKey key, Path keep) {
    String partials = partialPrefix(key.fileName());
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(dir, key.pathPrefix() + "*.parquet")) {
      for (Path f : entries) {
        if (f.equals(keep)) {
          continue;
        }
        if (f.getFileName().toString().startsWith(partials)) {
          retired.add(f);
          background.schedule(
              () -> {
                deleteTree(f);
                retired.remove(f);
              },
              PARTIAL_RETIRE_SECONDS,
              TimeUnit.SECONDS);
        } else {
          deleteTree(f);
          LOG.info("insights: removed stale trace cache {}", f.getFileName());
        }
      }
    } catch (IOException e) {
      LOG.warn("insights: cannot clean stale trace caches: {}", e.toString());
    }
  }

  /** What the names of a whole cache's partial caches start with. */
  private static String partialPrefix(String wholeName) {
    return wholeName.replace(".parquet", PART);
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
