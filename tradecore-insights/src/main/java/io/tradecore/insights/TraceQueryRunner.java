package io.tradecore.insights;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link TraceQuery} on an open trace: per metric one bucket aggregation in DuckDB (stats
 * and the downsampled series come from it), one more scan for environments whose finite rows fit in
 * max_points (returned whole), and one for the sample rows.
 */
final class TraceQueryRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TraceQueryRunner.class);

  private TraceQueryRunner() {}

  /**
   * Runs {@code q} on {@code t}; the sample rows of a partial cache come from the CSV's text (see
   * {@link CsvSamples}), or from {@code whole} (the trace opened through its whole cache) when the
   * CSV is not plain enough for that.
   */
  static TraceResult run(
      Connection c,
      OpenTrace t,
      TraceQuery q,
      long startNanos,
      Supplier<OpenTrace> whole,
      Path tmpDir,
      int threads)
      throws SQLException {
    TraceInfo info = t.info();
    List<String> metrics = QueryChecks.metrics(q, info);
    Long env = QueryChecks.env(q, info);
    List<Long> envs = env == null ? info.envIds() : List.of(env);
    QueryChecks.size(q, metrics.size(), envs.size());
    Long lo = q.fromStep() != null ? q.fromStep() : info.minStep();
    Long hi = q.toStep() != null ? q.toStep() : info.maxStep();
    int buckets =
        q.method() == DownsampleMethod.MINMAX ? Math.max(1, q.maxPoints() / 4) : q.maxPoints();
    List<Series> series = new ArrayList<>();
    Map<String, MetricStats> stats = new LinkedHashMap<>();
    List<Long> spread = List.of();
    boolean empty = lo == null || hi == null || lo > hi;
    for (String metric : metrics) {
      long t0 = System.nanoTime();
      List<Bucket> rows =
          empty ? List.of() : BucketQuery.run(c, t.from(), metric, env, lo, hi, buckets);
      LOG.debug("insights: {} buckets of {} in {} ms", rows.size(), metric, ms(t0));
      stats.put(metric, StatsBuilder.of(metric, rows));
      if (spread.isEmpty()) {
        spread = SampleRows.spreadSteps(rows);
      }
      series.addAll(
          MetricSeries.build(c, t, q, metric, envs, rows, empty ? 0 : lo, empty ? 0 : hi));
    }
    long t0 = System.nanoTime();
    List<Map<String, Object>> samples = List.of();
    if (!empty && t.partial()) {
      samples = CsvSamples.run(c, t.partialOf(), t.plan(), tmpDir, env, lo, hi, spread, threads);
      if (samples == null) {
        LOG.debug("insights: {} is read through its whole cache for sample rows", info.file());
        samples = SampleRows.run(c, whole.get().from(), env, lo, hi, spread);
      }
    } else if (!empty) {
      samples = SampleRows.run(c, t.from(), env, lo, hi, spread);
    }
    LOG.debug("insights: {} sample rows in {} ms", samples.size(), ms(t0));
    return new TraceResult(
        info.file(),
        info.columns(),
        info.numericColumns(),
        info.envIds(),
        metrics,
        q.env(),
        q.method().id(),
        q.maxPoints(),
        empty ? q.fromStep() : lo,
        empty ? q.toStep() : hi,
        buckets,
        series,
        stats,
        samples,
        (System.nanoTime() - startNanos) / 1_000_000,
        t.cacheBuilt());
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
