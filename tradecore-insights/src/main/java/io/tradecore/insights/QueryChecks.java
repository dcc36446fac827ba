package io.tradecore.insights;

import java.util.List;
import java.util.stream.Collectors;

/** Checks a query's metrics and env against what a trace holds. */
final class QueryChecks {
  private static final int LISTED_ENVS = 50;

  /** The most points one response may carry (metrics x environments x max_points). */
  static final long MAX_TOTAL_POINTS = 2_000_000;

  private QueryChecks() {}

  /** The metrics to chart: the query's, each a numeric column, or equity (else the first). */
  static List<String> metrics(TraceQuery q, TraceInfo info) {
    return metrics(q, info.file(), info.columns(), info.numericColumns());
  }

  /** As {@link #metrics(TraceQuery, TraceInfo)}, for a trace of these columns. */
  static List<String> metrics(
      TraceQuery q, String file, List<String> columns, List<String> numeric) {
    if (q.metrics().isEmpty()) {
      if (numeric.isEmpty()) {
        throw new TraceQueryException("metrics", file + " has no numeric columns");
      }
      return List.of(numeric.contains("equity") ? "equity" : numeric.get(0));
    }
    for (String m : q.metrics()) {
      if (!numeric.contains(m)) {
        String what =
            columns.contains(m)
                ? "metric '" + TraceQueryException.shown(m) + "' is not numeric"
                : "unknown metric '" + TraceQueryException.shown(m) + "'";
        throw new TraceQueryException(
            "metrics", what + "; numeric columns: " + String.join(", ", numeric));
      }
    }
    return q.metrics().stream().distinct().toList();
  }

  /**
   * Checks that the response stays bounded: metrics x environments x max_points at most {@link
   * #MAX_TOTAL_POINTS}, so a trace with many environments cannot fill the heap with env=all.
   */
  static void size(TraceQuery q, int metrics, int envs) {
    long points = (long) metrics * envs * q.maxPoints();
    if (points > MAX_TOTAL_POINTS) {
      throw new TraceQueryException(
          envs > 1 ? "env" : "max_points",
          metrics
              + " metrics x "
              + envs
              + " environments x "
              + q.maxPoints()
              + " points is more than "
              + MAX_TOTAL_POINTS
              + " points; pick one environment, fewer metrics or fewer points");
    }
  }

  /** The environment id to select, or null for all; an id the trace lacks is an error. */
  static Long env(TraceQuery q, TraceInfo info) {
    Long env = q.envId();
    if (env != null && !info.envIds().contains(env)) {
      List<Long> ids = info.envIds();
      String listed =
          ids.stream().limit(LISTED_ENVS).map(String::valueOf).collect(Collectors.joining(", "));
      if (ids.size() > LISTED_ENVS) {
        listed += ", ... (" + ids.size() + " in all)";
      }
      throw new TraceQueryException(
          "env",
          "unknown env '" + TraceQueryException.shown(q.env()) + "'; env ids: all, " + listed);
    }
    return env;
  }
}
