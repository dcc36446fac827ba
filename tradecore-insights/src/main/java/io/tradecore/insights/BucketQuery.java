package io.tradecore.insights;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The one scan a metric needs: rows in [lo, hi] of the selected environments grouped by env and
 * equal-width step bucket, {@code bucket = (step - lo) * buckets / (hi - lo + 1)} rounded down,
 * with counts, sums and the first, last, minimum and maximum finite rows of each group (DuckDB's
 * min, max, arg_min and arg_max). Stats and every downsampling method are assembled from these
 * rows, at most environments x buckets of them.
 */
final class BucketQuery {
  private BucketQuery() {}

  static String sql(String from, String metric, Long env, long lo, long hi, int buckets) {
    String bucket;
    if (hi - lo >= 0 && hi - lo < Long.MAX_VALUE / buckets) {
      bucket = "(step - " + lo + ") * " + buckets + " // " + (hi - lo + 1);
    } else {
      bucket =
          "CAST((CAST(step AS HUGEINT) - "
              + lo
              + ") * "
              + buckets
              + " // (CAST("
              + hi
              + " AS HUGEINT) - "
              + lo
              + " + 1) AS BIGINT)";
    }
    return "SELECT env, bucket, count(*), count(fv), sum(fv),"
        + " min(fs), arg_min(fv, fs), max(fs), arg_max(fv, fs),"
        // Ties go to the smallest step, so the answer does not depend on the order rows are read.
        + " arg_min(fs, kmin), min(fv), arg_max(fs, kmax), max(fv)"
        + " FROM (SELECT env, "
        + bucket
        + " AS bucket, CASE WHEN isfinite(x) THEN x END AS fv,"
        + " CASE WHEN isfinite(x) THEN step END AS fs,"
        + " CASE WHEN isfinite(x) THEN {'v': x, 's': step} END AS kmin,"
        + " CASE WHEN isfinite(x) THEN {'v': x, 's': -step} END AS kmax"
        + " FROM (SELECT env, step, CAST("
        + Sql.ident(metric)
        + " AS DOUBLE) AS x FROM "
        + from
        + " WHERE "
        + Selection.where(env, lo, hi)
        + "))"
        + " GROUP BY env, bucket ORDER BY env, bucket";
  }

  static List<Bucket> run(
      Connection c, String from, String metric, Long env, long lo, long hi, int buckets)
      throws SQLException {
    List<Bucket> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql(from, metric, env, lo, hi, buckets))) {
      while (rs.next()) {
        long finite = rs.getLong(4);
        out.add(
            finite == 0
                ? new Bucket(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                : new Bucket(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    finite,
                    rs.getDouble(5),
                    rs.getLong(6),
                    rs.getDouble(7),
                    rs.getLong(8),
                    rs.getDouble(9),
                    rs.getLong(10),
                    rs.getDouble(11),
                    rs.getLong(12),
                    rs.getDouble(13)));
      }
    }
    return out;
  }
}
