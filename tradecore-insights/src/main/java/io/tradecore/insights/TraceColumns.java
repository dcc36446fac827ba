package io.tradecore.insights;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a relation's column names and types with DuckDB's DESCRIBE. */
final class TraceColumns {
  static final String STEP = "step";
  static final String ENV = "env";

  private TraceColumns() {}

  /** The columns of {@code fromSql} (a table function call or subquery), in order. */
  static List<TraceColumn> describe(Connection c, String fromSql) throws SQLException {
    List<TraceColumn> columns = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + fromSql)) {
      while (rs.next()) {
        columns.add(new TraceColumn(rs.getString("column_name"), rs.getString("column_type")));
      }
    }
    return columns;
  }

  /** The column named {@code name} ignoring case, or null. */
  static TraceColumn find(List<TraceColumn> columns, String name) {
    for (TraceColumn col : columns) {
      if (col.name().equals(name)) {
        return col;
      }
    }
    for (TraceColumn col : columns) {
      if (col.name().equalsIgnoreCase(name)) {
        return col;
      }
    }
    return null;
  }
}
