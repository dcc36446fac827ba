package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large CSV's first queries are answered from a partial cache (step, env and the queried metrics)
 * with sample rows read from the CSV's text, before the whole cache is built in the background:
 * each answer equals the one the whole cache gives. The stores here treat every CSV as large.
 */
class PartialCacheTest {
  @TempDir Path tmp;

  private static final List<TraceQuery> QUERIES =
      List.of(
          TraceQuery.of("equity"),
          TraceQuery.of("equity", "cash").withEnv("2"),
          TraceQuery.of("reward").withMaxPoints(100).withMethod(DownsampleMethod.LTTB),
          TraceQuery.of("price").withRange(1_000L, 1_600L),
          TraceQuery.of("drawdown").withEnv("0").withRange(7_000L, 7_003L),
          TraceQuery.of());

  private TraceStore store(String name) {
    return new TraceStore(tmp.resolve(name), "256MB", 2, 1);
  }

  private static List<String> folders(Path cache) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).toList();
    }
  }

  /**
   * Equal stats; the mean within a few units in the last place, as DuckDB's parallel sums add in an
   * order that depends on how the rows are laid out.
   */
  private static void assertSameStats(TraceResult a, TraceResult b) {
    assertThat(a.stats().keySet()).isEqualTo(b.stats().keySet());
    for (String metric : a.stats().keySet()) {
      MetricStats x = a.stats().get(metric);
      MetricStats y = b.stats().get(metric);
      assertThat(x).usingRecursiveComparison().ignoringFields("mean").isEqualTo(y);
      assertThat(x.mean()).isCloseTo(y.mean(), within(1e-12 * Math.max(1, Math.abs(y.mean()))));
    }
  }

  private void assertFirstAnswersEqualTheWholeCaches(Path trace) throws IOException {
    int i = 0;
    for (TraceQuery q : QUERIES) {
      String name = "cache-" + i++;
      try (TraceStore store = store(name)) {
        TraceResult first = store.query(trace, q);
        assertThat(first.cacheBuilt()).isTrue();
        // Only a partial build writes a ".part-" folder (the whole one may be there already too).
        assertThat(folders(tmp.resolve(name))).anyMatch(f -> f.contains(".part-"));
        store.awaitBackgroundCaches();
        TraceResult whole = store.query(trace, q);
        assertThat(whole.cacheBuilt()).isFalse();
        assertThat(folders(tmp.resolve(name))).anyMatch(f -> !f.contains(".part-"));

        assertThat(first.sampleRows()).as("sample rows of %s", q).isEqualTo(whole.sampleRows());
        assertThat(first.sampleRows()).isNotEmpty();
        assertThat(first.series())
            .as("series of %s", q)
            .usingRecursiveComparison()
            .isEqualTo(whole.series());
        assertThat(first.series()).isNotEmpty();
        assertSameStats(first, whole);
        assertThat(first.columns()).isEqualTo(whole.columns());
        assertThat(first.numericColumns()).isEqualTo(whole.numericColumns());
        assertThat(first.envIds()).isEqualTo(whole.envIds());
        assertThat(List.of(first.fromStep(), first.toStep(), first.buckets()))
            .isEqualTo(List.of(whole.fromStep(), whole.toStep(), whole.buckets()));
      }
    }
  }

  @Test
  void firstAnswersFromAPartialCacheEqualTheWholeCaches() throws IOException {
    assertFirstAnswersEqualTheWholeCaches(SampleRun.write(tmp.resolve("run"), 40_000, 4, 7));
  }

  @Test
  void soDoThoseOfACsvWhoseRowsAreShuffledWithBlankLinesAndCrlf() throws IOException {
    Path sorted = SampleRun.write(tmp.resolve("run"), 40_000, 4, 11);
    List<String> lines = new ArrayList<>(Files.readAllLines(sorted));
    String header = lines.remove(0);
    Collections.shuffle(lines, new Random(3));
    lines.add(0, header);
    lines.add(2_000, "");
    Path shuffled = Files.createDirectories(tmp.resolve("shuffled")).resolve("s_actions.csv");
    Files.writeString(shuffled, String.join("\r\n", lines) + "\r\n");
    assertFirstAnswersEqualTheWholeCaches(shuffled);
  }

  @Test
  void aCsvWithQuotedFieldsTakesItsSampleRowsFromTheWholeCache() throws IOException {
    Path trace = Files.createDirectories(tmp.resolve("quoted")).resolve("q_actions.csv");
    StringBuilder csv = new StringBuilder("step,env,note,equity\n");
    for (int step = 0; step < 5_000; step++) {
      for (int env = 0; env < 2; env++) {
        String note = step % 97 == 0 ? "\"held, then sold\"" : "hold";
        csv.append(step).append(',').append(env).append(',').append(note).append(',');
        csv.append(step % 501 == 0 ? "nan" : String.valueOf(100_000 + step * 0.5 - env))
            .append('\n');
      }
    }
    Files.writeString(trace, csv);
    try (TraceStore store = store("cache")) {
      TraceResult first = store.query(trace, TraceQuery.of("equity"));
      store.awaitBackgroundCaches();
      TraceResult whole = store.query(trace, TraceQuery.of("equity"));
      assertThat(first.sampleRows()).isEqualTo(whole.sampleRows()).isNotEmpty();
      assertThat(first.sampleRows().get(0)).containsEntry("note", "held, then sold");
      assertSameStats(first, whole);
    }
  }

  @Test
  void concurrentFirstQueriesBuildOnePartialCacheThenOneWholeCache() throws Exception {
    Path trace = SampleRun.write(tmp.resolve("run"), 40_000, 4, 13);
    try (TraceStore store = store("cache")) {
      int threads = 4;
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<TraceResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.query(trace, TraceQuery.of("equity"));
                }));
      }
      List<TraceResult> done = new ArrayList<>();
      for (Future<TraceResult> f : results) {
        done.add(f.get());
      }
      pool.shutdown();
      store.awaitBackgroundCaches();
      assertThat(store.cacheBuilds()).as("one partial and one whole cache").isEqualTo(2);
      assertThat(done).filteredOn(TraceResult::cacheBuilt).hasSize(1);
      for (TraceResult r : done) {
        assertThat(r.sampleRows()).isEqualTo(done.get(0).sampleRows());
        assertSameStats(r, done.get(0));
      }
    }
  }

  @Test
  void partialCachesAreDeletedOnceTheWholeCacheIsThereEvenAfterAStop() throws IOException {
    Path trace = SampleRun.write(tmp.resolve("run"), 20_000, 2, 17);
    Path cache = tmp.resolve("cache");
    Path leftOver;
    try (TraceStore store = store("cache")) {
      store.query(trace, TraceQuery.of("equity"));
      store.awaitBackgroundCaches();
      leftOver =
          cache.resolve(
              folders(cache).stream().filter(f -> f.contains(".part-")).findFirst().orElseThrow());
      // A process killed now leaves the partial cache behind; copy it aside to put it back.
      Files.move(leftOver, tmp.resolve("kept"));
    }
    assertThat(folders(cache)).noneMatch(f -> f.contains(".part-"));
    Files.move(tmp.resolve("kept"), leftOver);
    try (TraceStore restarted = store("cache")) {
      restarted.start();
      assertThat(folders(cache)).hasSize(1).noneMatch(f -> f.contains(".part-"));
      assertThat(restarted.query(trace, TraceQuery.of("equity")).cacheBuilt()).isFalse();
    }
  }

  @Test
  void theShapeOfALargeCsvListsEveryColumnBeforeTheWholeCacheIsThere() throws IOException {
    Path trace = SampleRun.write(tmp.resolve("run"), 20_000, 4, 5);
    try (TraceStore store = store("cache");
        TraceStore whole = new TraceStore(tmp.resolve("w"))) {
      TraceInfo first = store.info(trace);
      assertThat(first).isEqualTo(whole.info(trace));
      assertThat(first.columns()).contains("timestamp", "price", "equity", "drawdown");
      store.awaitBackgroundCaches();
      assertThat(store.info(trace)).isEqualTo(first);
    }
  }
}
