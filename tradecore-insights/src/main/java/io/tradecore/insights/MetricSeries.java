package io.tradecore.insights;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One metric's series, one per selected environment: every finite row when an environment has at
 * most max_points of them in the range, else its bucket rows reduced by the query's method.
 */
final class MetricSeries {
  private static final Logger LOG = LoggerFactory.getLogger(MetricSeries.class);

  private MetricSeries() {}

  static List<Series> build(
      Connection c,
      OpenTrace t,
      TraceQuery q,
      String metric,
      List<Long> envs,
      List<Bucket> rows,
      long lo,
      long hi)
      throws SQLException {
    Map<Long, List<Bucket>> byEnv = new LinkedHashMap<>();
    Map<Long, Long> finite = new LinkedHashMap<>();
    for (Bucket b : rows) {
      byEnv.computeIfAbsent(b.env(), e -> new ArrayList<>()).add(b);
      finite.merge(b.env(), b.finite(), Long::sum);
    }
    List<Long> whole = new ArrayList<>();
    for (Long e : envs) {
      long n = finite.getOrDefault(e, 0L);
      if (n > 0 && n <= q.maxPoints()) {
        whole.add(e);
      }
    }
    long t0 = System.nanoTime();
    Map<Long, Points> full =
        whole.isEmpty() ? Map.of() : FullRows.run(c, t.from(), metric, whole, lo, hi);
    if (!whole.isEmpty()) {
      LOG.debug(
          "insights: every row of {} for envs {} in {} ms", metric, whole, TraceQueryRunner.ms(t0));
    }
    List<Series> out = new ArrayList<>();
    for (Long e : envs) {
      long n = finite.getOrDefault(e, 0L);
      List<Bucket> envRows = byEnv.getOrDefault(e, List.of());
      Points points;
      boolean reduced = n > q.maxPoints();
      if (!reduced) {
        points = full.getOrDefault(e, new Points(0));
      } else {
        points =
            switch (q.method()) {
              case MINMAX -> SeriesBuilder.minmax(envRows);
              case LTTB -> SeriesBuilder.lttb(envRows, q.maxPoints());
              case STRIDE -> SeriesBuilder.stride(envRows);
            };
      }
      out.add(new Series(metric, e, n, reduced, points.steps(), points.values()));
    }
    return out;
  }
}
