package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCacheTest {
  @TempDir Path tmp;

  private List<Path> cacheFolders(Path cache) throws Exception {
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
  }

  private static FileTime newest(Path folder) throws Exception {
    try (Stream<Path> s = Files.walk(folder)) {
      FileTime max = FileTime.fromMillis(0);
      for (Path p : s.toList()) {
        FileTime t = Files.getLastModifiedTime(p);
        max = t.compareTo(max) > 0 ? t : max;
      }
      return max;
    }
  }

  @Test
  void concurrentCallersBuildTheCacheOnceAndLaterQueriesReuseIt() throws Exception {
    Path trace = SampleRun.write(tmp.resolve("run"), 100_000, 4, 3);
    Path cache = tmp.resolve("cache");
    try (TraceStore store = new TraceStore(cache)) {
      int threads = 4;
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<TraceResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.query(trace, TraceQuery.of("equity", "cash"));
                }));
      }
      List<TraceResult> done = new ArrayList<>();
      for (Future<TraceResult> f : results) {
        done.add(f.get());
      }
      pool.shutdown();
      assertThat(store.cacheBuilds()).isEqualTo(1);
      assertThat(done).filteredOn(TraceResult::cacheBuilt).hasSize(1);
      for (TraceResult r : done) {
        assertThat(r.stats()).isEqualTo(done.get(0).stats());
      }
      List<Path> folders = cacheFolders(cache);
      assertThat(folders).hasSize(1);
      FileTime built = newest(folders.get(0));

      TraceResult again = store.query(trace, TraceQuery.of("equity").withEnv("1"));
      assertThat(again.cacheBuilt()).isFalse();
      assertThat(store.cacheBuilds()).isEqualTo(1);
      assertThat(cacheFolders(cache)).containsExactlyElementsOf(folders);
      assertThat(newest(folders.get(0))).isEqualTo(built);
    }
    try (TraceStore restarted = new TraceStore(cache)) {
      TraceResult r = restarted.query(trace, TraceQuery.of("equity"));
      assertThat(r.cacheBuilt()).isFalse();
      assertThat(restarted.cacheBuilds()).isZero();
    }
  }

  @Test
  void aChangedCsvIsCachedAgainAndTheOldCacheRemoved() throws Exception {
    Path trace = SampleRun.write(tmp.resolve("run"), 10_000, 2, 5);
    Path cache = tmp.resolve("cache");
    try (TraceStore store = new TraceStore(cache)) {
      assertThat(store.info(trace).rowCount()).isEqualTo(10_000);
      List<Path> first = cacheFolders(cache);

      // Same size, new modification time: rebuilt.
      Files.setLastModifiedTime(trace, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
      assertThat(store.info(trace).rowCount()).isEqualTo(10_000);
      assertThat(store.cacheBuilds()).isEqualTo(2);
      List<Path> second = cacheFolders(cache);
      assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);

      // New rows: rebuilt, and the queries see them.
      Files.writeString(
          trace,
          "5000,0,2026-02-01T00:00:00Z,1,0,0,1,123456.5,0,0\n",
          java.nio.file.StandardOpenOption.APPEND);
      TraceResult r = store.query(trace, TraceQuery.of("equity").withEnv("0"));
      assertThat(r.cacheBuilt()).isTrue();
      assertThat(store.cacheBuilds()).isEqualTo(3);
      assertThat(r.stats().get("equity").count()).isEqualTo(5_001);
      assertThat(r.stats().get("equity").last()).isEqualTo(123456.5);
      assertThat(cacheFolders(cache)).hasSize(1).doesNotContainAnyElementsOf(second);
    }
  }

  @Test
  void parquetTracesAreReadDirectly() throws Exception {
    Path csv = SampleRun.write(tmp.resolve("csv-run"), 20_000, 4, 9);
    Path run = Files.createDirectories(tmp.resolve("parquet-run"));
    Path parquet = run.resolve("eval_actions.parquet");
    Path noEnv = run.resolve("other_actions.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + csv
              + "', all_varchar = false)) TO '"
              + parquet
              + "' (FORMAT parquet)");
      s.execute(
          "COPY (SELECT CAST(step AS INTEGER) AS Step, equity FROM read_csv('"
              + csv
              + "') WHERE env = 2) TO '"
              + noEnv
              + "' (FORMAT parquet)");
    }
    Path cache = tmp.resolve("cache");
    try (TraceStore store = new TraceStore(cache);
        RunCatalog catalog = new RunCatalog(List.of(tmp), store)) {
      TraceResult fromCsv = store.query(csv, TraceQuery.of("equity", "price"));
      TraceResult fromParquet = store.query(parquet, TraceQuery.of("equity", "price"));
      assertThat(fromParquet.cacheBuilt()).isFalse();
      assertThat(fromParquet.stats()).isEqualTo(fromCsv.stats());
      assertThat(store.info(parquet).format()).isEqualTo("parquet");
      assertThat(store.cacheBuilds()).isEqualTo(1);
      assertThat(cacheFolders(cache)).hasSize(1);

      TraceInfo info = store.info(noEnv);
      assertThat(info.columns()).containsExactly("step", "env", "equity");
      assertThat(info.envIds()).containsExactly(0L);
      assertThat(store.query(noEnv, TraceQuery.of("equity")).stats().get("equity").count())
          .isEqualTo(5_000);

      // A run folder with both picks the Parquet trace.
      RunDetail d = catalog.detail("parquet-run").orElseThrow();
      assertThat(d.trace().file()).isEqualTo("eval_actions.parquet");
    }
  }

  @Test
  void responsesStayBoundedWhenATraceHasManyEnvironments() throws Exception {
    Path trace = SampleRun.write(tmp.resolve("many"), 2_000, 500, 1);
    try (TraceStore store = new TraceStore(tmp.resolve("cache"))) {
      assertThat(store.info(trace).envIds()).hasSize(500);
      assertThat(store.query(trace, TraceQuery.of("equity").withMaxPoints(4000)).series())
          .hasSize(500);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> store.query(trace, TraceQuery.of("equity").withMaxPoints(5000)))
          .isInstanceOfSatisfying(
              TraceQueryException.class, e -> assertThat(e.parameter()).isEqualTo("env"))
          .hasMessageContaining("pick one environment");
      assertThat(
              store
                  .query(trace, TraceQuery.of("equity").withEnv("499").withMaxPoints(5000))
                  .series())
          .hasSize(1);
    }
  }

  @Test
  void aCsvWithoutEnvColumnIsEnvZero() throws Exception {
    Path trace = tmp.resolve("run/plain_actions.csv");
    Files.createDirectories(trace.getParent());
    StringBuilder csv = new StringBuilder("Step,equity,note\n");
    for (int i = 0; i < 50; i++) {
      csv.append(i).append(',').append(i % 7 == 0 ? "nan" : String.valueOf(100 + i)).append(",x\n");
    }
    csv.append("50,,y\n51,inf,z\n52,-inf,w\n53,NaN,v\n54,oops,u\n");
    Files.writeString(trace, csv);
    try (TraceStore store = new TraceStore(tmp.resolve("cache"))) {
      TraceInfo info = store.info(trace);
      assertThat(info.columns()).containsExactly("step", "env", "equity", "note");
      assertThat(info.numericColumns()).containsExactly("equity");
      assertThat(info.envIds()).containsExactly(0L);
      TraceResult r = store.query(trace, TraceQuery.of("equity").withEnv("0"));
      MetricStats st = r.stats().get("equity");
      assertThat(st.count()).isEqualTo(55);
      assertThat(st.nonFiniteCount()).isEqualTo(8 + 5);
      assertThat(st.first()).isEqualTo(101.0);
      assertThat(st.last()).isEqualTo(148.0);
      assertThat(r.series().get(0).size()).isEqualTo(42);
    }
  }
}
