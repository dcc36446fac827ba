package io.tradecore.insights;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every finite row of a metric in a step range, for environments known to have at most max_points
 * of them (full fidelity when zoomed in).
 */
final class FullRows {
  private FullRows() {}

  static Map<Long, Points> run(
      Connection c, String from, String metric, Collection<Long> envs, long lo, long hi)
      throws SQLException {
    Map<Long, Points> out = new HashMap<>();
    String sql =
        "SELECT env, step, x FROM (SELECT env, step, CAST("
            + Sql.ident(metric)
            + " AS DOUBLE) AS x FROM "
            + from
            + " WHERE "
            + Selection.where(envs, lo, hi)
            + ") WHERE isfinite(x) ORDER BY env, step";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), e -> new Points(256))
            .add(rs.getLong(2), rs.getDouble(3));
      }
    }
    return out;
  }
}
