package io.tradecore.insights;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The DuckDB statement that turns an action trace CSV into its Parquet cache: every field is read
 * as text and numeric columns (as DuckDB's sniffer types them) are converted with TRY_CAST, so nan,
 * inf and -inf become non-finite doubles and empty or malformed values NULL; step and env become
 * BIGINT (env 0 when the CSV has no env column, names in lower case); other columns stay text as
 * written.
 */
final class CsvToParquet {
  /**
   * Parquet writer settings: one file per DuckDB thread (a single file's writer is a serial
   * bottleneck), snappy pages, dictionaries only for columns with few distinct values (trace
   * columns are mostly distinct doubles, and building large dictionaries doubled the write time),
   * and row groups of 20,480 rows, whose step ranges are narrow enough that fetching sample rows or
   * zooming in reads little.
   */
  static final String PARQUET_OPTIONS =
      "FORMAT parquet, COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 1024, ROW_GROUP_SIZE 20480,"
          + " PER_THREAD_OUTPUT";

  /** The settings for a single file, used when per-thread output wrote none (no rows). */
  static final String SINGLE_FILE_OPTIONS = "FORMAT parquet, COMPRESSION snappy";

  private static final int CHECK_ROWS = 100_000;

  private CsvToParquet() {}

  /**
   * How a CSV trace's fields become cache columns: one output column per CSV column (plus env 0
   * when the CSV has none), each with the SQL expression that converts the CSV's text.
   */
  record Plan(List<Item> items) {
    Plan {
      items = List.copyOf(items);
    }

    /** The cache's columns (name and type), in CSV order. */
    List<TraceColumn> columns() {
      return items.stream().map(Item::column).toList();
    }

    /**
     * {@code SELECT} of the cache's columns, all or (with {@code only} non-null) step, env and
     * {@code only}, from the CSV file {@code csv} read as text.
     */
    String select(Path csv, Collection<String> only) {
      return select(csv, only, null);
    }

    /** As {@link #select(Path, Collection)}, with the field delimiter given (null: detected). */
    String select(Path csv, Collection<String> only, Character delimiter) {
      List<String> exprs = new ArrayList<>();
      for (Item item : items) {
        if (only == null || item.column().key() || only.contains(item.column().name())) {
          exprs.add(item.expr());
        }
      }
      return "SELECT " + String.join(", ", exprs) + " FROM " + reader(csv, delimiter);
    }
  }

  /**
   * One cache column and the expression (with its alias) that makes it from the CSV's text; {@code
   * inCsv} is false for the env column added to a CSV without one.
   */
  record Item(TraceColumn column, String expr, boolean inCsv) {}

  /** Reads {@code csv}'s header and first rows to decide each column's type. */
  static Plan plan(Connection c, Path csv) throws SQLException {
    String sniffed = "read_csv(" + Sql.path(csv) + ", header = true, null_padding = true)";
    List<TraceColumn> columns = mostlyNumeric(c, csv, TraceColumns.describe(c, sniffed));
    if (TraceColumns.find(columns, TraceColumns.STEP) == null) {
      throw new TraceReadException(
          csv.getFileName() + " has no step column; columns: " + names(columns));
    }
    List<Item> items = new ArrayList<>();
    boolean hasEnv = TraceColumns.find(columns, TraceColumns.ENV) != null;
    for (TraceColumn col : columns) {
      String name = col.name();
      String lower = name.toLowerCase(Locale.ROOT);
      String src = Sql.ident(name);
      if (lower.equals(TraceColumns.STEP) || lower.equals(TraceColumns.ENV)) {
        items.add(
            new Item(
                new TraceColumn(lower, "BIGINT"),
                "TRY_CAST(" + src + " AS BIGINT) AS " + Sql.ident(lower),
                true));
        if (lower.equals(TraceColumns.STEP) && !hasEnv) {
          items.add(
              new Item(
                  new TraceColumn(TraceColumns.ENV, "BIGINT"),
                  "CAST(0 AS BIGINT) AS " + Sql.ident(TraceColumns.ENV),
                  false));
        }
      } else if (col.numeric()) {
        items.add(
            new Item(
                new TraceColumn(name, "DOUBLE"),
                "TRY_CAST(" + src + " AS DOUBLE) AS " + src,
                true));
      } else {
        items.add(new Item(new TraceColumn(name, "VARCHAR"), src, true));
      }
    }
    return new Plan(items);
  }

  /** The CSV file read with every field as text (delimiter detected when null). */
  static String reader(Path csv, Character delimiter) {
    return "read_csv("
        + Sql.path(csv)
        + ", header = true, null_padding = true, all_varchar = true"
        + (delimiter == null ? "" : ", delim = " + Sql.literal(String.valueOf(delimiter)))
        + ")";
  }

  /**
   * The COPY statement writing {@code csv}'s rows (every column, or with {@code only} non-null
   * step, env and {@code only}) as Parquet files into the new folder {@code out} (one file per
   * thread, or a single data_0.parquet if {@code perThread} is false).
   */
  static String copySql(Plan plan, Path csv, Path out, boolean perThread, Collection<String> only) {
    return "COPY ("
        + plan.select(csv, only)
        + ") TO "
        + Sql.path(perThread ? out : out.resolve("data_0.parquet"))
        + " ("
        + (perThread ? PARQUET_OPTIONS : SINGLE_FILE_OPTIONS)
        + ")";
  }

  /**
   * The columns with text columns retyped DOUBLE when at least 95% of their values in the first
   * {@link #CHECK_ROWS} rows are numbers: a stray word among numbers must not make a metric text
   * (DuckDB's sniffer types a column VARCHAR for a single one).
   */
  private static List<TraceColumn> mostlyNumeric(Connection c, Path csv, List<TraceColumn> columns)
      throws SQLException {
    List<TraceColumn> text = columns.stream().filter(col -> !col.numeric()).toList();
    if (text.isEmpty()) {
      return columns;
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < text.size(); i++) {
      String col = Sql.ident(text.get(i).name());
      sql.append(i == 0 ? "" : ", ")
          .append("count(TRY_CAST(")
          .append(col)
          .append(" AS DOUBLE)), count(")
          .append(col)
          .append(")");
    }
    sql.append(" FROM (SELECT * FROM read_csv(")
        .append(Sql.path(csv))
        .append(", header = true, null_padding = true, all_varchar = true) LIMIT ")
        .append(CHECK_ROWS)
        .append(")");
    List<String> numeric = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql.toString())) {
      rs.next();
      for (int i = 0; i < text.size(); i++) {
        long cast = rs.getLong(2 * i + 1);
        long present = rs.getLong(2 * i + 2);
        if (cast > 0 && cast >= 0.95 * present) {
          numeric.add(text.get(i).name());
        }
      }
    }
    return columns.stream()
        .map(col -> numeric.contains(col.name()) ? new TraceColumn(col.name(), "DOUBLE") : col)
        .toList();
  }

  private static String names(List<TraceColumn> columns) {
    return String.join(", ", columns.stream().map(TraceColumn::name).toList());
  }
}
