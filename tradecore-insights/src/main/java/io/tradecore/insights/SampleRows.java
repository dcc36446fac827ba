package io.tradecore.insights;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sample rows of a selection: its first five rows by (step, env) and one row (the lowest env) at
 * each of up to ten steps spread evenly over it, as column-to-value maps with non-finite numbers as
 * the strings "nan", "inf" and "-inf".
 */
final class SampleRows {
  static final int FIRST = 5;
  static final int SPREAD = 10;
  private static final String PART = "__sample_part";

  private SampleRows() {}

  /** Up to {@link #SPREAD} steps spread evenly over the buckets that hold finite rows. */
  static List<Long> spreadSteps(List<Bucket> buckets) {
    Map<Long, Long> firstStepByBucket = new java.util.TreeMap<>();
    for (Bucket b : buckets) {
      if (b.finite() > 0) {
        firstStepByBucket.merge(b.bucket(), b.firstStep(), Math::min);
      }
    }
    List<Long> steps = new ArrayList<>(firstStepByBucket.values());
    if (steps.size() <= SPREAD) {
      return steps;
    }
    List<Long> picked = new ArrayList<>();
    for (int i = 0; i < SPREAD; i++) {
      picked.add(steps.get((int) Math.round((double) i * (steps.size() - 1) / (SPREAD - 1))));
    }
    return picked;
  }

  static List<Map<String, Object>> run(
      Connection c, String from, Long env, long lo, long hi, List<Long> spread)
      throws SQLException {
    String where = Selection.where(env, lo, hi);
    String sql =
        "(SELECT *, 0 AS "
            + PART
            + " FROM "
            + from
            + " WHERE "
            + where
            + " ORDER BY step, env LIMIT "
            + FIRST
            + ")";
    if (!spread.isEmpty()) {
      sql +=
          " UNION ALL (SELECT *, 1 AS "
              + PART
              + " FROM "
              + from
              + " WHERE "
              + where
              + " AND step IN ("
              + spread.stream().map(String::valueOf).collect(Collectors.joining(", "))
              + "))";
    }
    List<Row> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      while (rs.next()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          String name = md.getColumnName(i);
          if (!name.equals(PART)) {
            values.put(name, jsonValue(rs.getObject(i)));
          }
        }
        rows.add(
            new Row(
                rs.getLong(TraceColumns.STEP),
                rs.getLong(TraceColumns.ENV),
                rs.getInt(PART) == 0,
                values));
      }
    }
    rows.sort(Comparator.comparingLong(Row::step).thenComparingLong(Row::env));
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    Set<Long> spreadTaken = new HashSet<>();
    for (Row r : rows) {
      boolean keep = r.first() || spreadTaken.add(r.step());
      if (keep && taken.add(r.step() + ":" + r.env())) {
        out.add(r.values());
      }
    }
    return out;
  }

  private record Row(long step, long env, boolean first, Map<String, Object> values) {}

  /** A JDBC value as JSON can carry it: non-finite doubles as strings, times as text. */
  static Object jsonValue(Object v) {
    if (v instanceof Double d) {
      return finite(d);
    }
    if (v instanceof Float f) {
      return finite(f.doubleValue());
    }
    if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
      return v;
    }
    return v.toString();
  }

  private static Object finite(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return d;
  }
}
