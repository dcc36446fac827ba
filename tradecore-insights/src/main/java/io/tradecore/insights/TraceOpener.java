package io.tradecore.insights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens traces for querying: CSVs through the Parquet cache, Parquet traces directly; remembers
 * each trace version's columns, row count, env ids and step range so later queries skip those
 * scans.
 */
final class TraceOpener {
  private static final Logger LOG = LoggerFactory.getLogger(TraceOpener.class);
  private static final int MAX_ENV_IDS = 10_000;

  private final DuckDb db;
  private final TraceCache cache;
  private final long partialFromBytes;
  private final ConcurrentMap<Path, Known> known = new ConcurrentHashMap<>();

  private record Known(CacheKey key, OpenTrace trace) {}

  /**
   * An opener reading CSV traces through {@code cache}; a CSV of at least {@code partialFromBytes}
   * is first queried through a partial cache (see {@link #open(Path, TraceQuery)}).
   */
  TraceOpener(DuckDb db, TraceCache cache, long partialFromBytes) {
    this.db = db;
    this.cache = cache;
    this.partialFromBytes = partialFromBytes;
  }

  /**
   * The trace opened for {@code q}: as {@link #open(Path)} does, except that a large CSV whose
   * whole cache is not there (nor being built) is opened through a partial cache of step, env and
   * the query's metrics; its info still lists every column of the CSV. With {@code q} null, a CSV
   * is always opened through its whole cache.
   */
  OpenTrace open(Path trace, TraceQuery q) {
    Path abs = trace.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
      throw new TraceReadException(trace.getFileName() + " is missing or not readable");
    }
    CacheKey key;
    try {
      key = CacheKey.of(abs);
    } catch (IOException e) {
      throw new TraceReadException("cannot read " + trace.getFileName() + ": " + e, e);
    }
    Known k = known.get(abs);
    if (k != null && k.key().equals(key)) {
      return k.trace();
    }
    boolean csv = !abs.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    if (csv && q != null && key.size() >= partialFromBytes && !cache.complete(abs)) {
      OpenTrace partial = openPartial(abs, q, key.size());
      if (partial != null) {
        return partial;
      }
    }
    boolean built = false;
    String relation = "read_parquet(" + Sql.path(abs) + ")";
    if (csv) {
      TraceCache.Entry entry = cache.get(abs);
      relation = entry.relation();
      built = entry.built();
    }
    OpenTrace opened = shape(abs, relation, csv ? "csv" : "parquet", key.size(), null);
    known.put(abs, new Known(key, opened));
    return built ? opened.built() : opened;
  }

  /** The trace opened for querying, through the whole cache if it is a CSV. */
  OpenTrace open(Path trace) {
    return open(trace, null);
  }

  /**
   * The CSV opened through a partial cache for {@code q}'s metrics, or null when the whole cache
   * serves instead (it is there or being built, or the CSV has nothing to chart).
   */
  private OpenTrace openPartial(Path abs, TraceQuery q, long size) {
    CsvToParquet.Plan plan = cache.plan(abs);
    List<TraceColumn> all = plan.columns();
    List<String> names = all.stream().map(TraceColumn::name).toList();
    List<String> numeric =
        all.stream().filter(col -> col.numeric() && !col.key()).map(TraceColumn::name).toList();
    if (numeric.isEmpty()) {
      return null; // the whole cache answers the shape and the errors
    }
    List<String> metrics = QueryChecks.metrics(q, abs.getFileName().toString(), names, numeric);
    TraceCache.Entry entry = cache.partial(abs, metrics);
    if (!entry.partial()) {
      return null;
    }
    OpenTrace opened = shape(abs, entry.relation(), "csv", size, all);
    opened = new OpenTrace(opened.from(), opened.columns(), opened.info(), false, abs, plan);
    return entry.built() ? opened.built() : opened;
  }

  /** {@link #describe} on a connection of its own, timed in the debug log. */
  private OpenTrace shape(
      Path trace, String relation, String format, long size, List<TraceColumn> allColumns) {
    long start = System.nanoTime();
    try (Connection c = db.connect()) {
      OpenTrace opened = describe(c, trace, relation, format, size, allColumns);
      LOG.debug(
          "insights: read the shape of {} in {} ms{}",
          trace.getFileName(),
          (System.nanoTime() - start) / 1_000_000,
          allColumns == null ? "" : " (partial cache)");
      return opened;
    } catch (SQLException e) {
      throw new TraceReadException("cannot read " + trace.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the shape of {@code raw}; {@code allColumns}, when not null, are the trace's columns (a
   * partial cache holds only some of them).
   */
  private static OpenTrace describe(
      Connection c, Path trace, String raw, String format, long size, List<TraceColumn> allColumns)
      throws SQLException {
    List<TraceColumn> rawColumns = TraceColumns.describe(c, raw);
    TraceColumn step = TraceColumns.find(rawColumns, TraceColumns.STEP);
    if (step == null || !step.numeric()) {
      throw new TraceReadException(
          trace.getFileName() + " has no numeric step column; columns: " + names(rawColumns));
    }
    String from = keyed(raw, rawColumns);
    List<TraceColumn> columns = TraceColumns.describe(c, from);
    long rows;
    Long minStep;
    Long maxStep;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), min(step), max(step) FROM " + from)) {
      rs.next();
      rows = rs.getLong(1);
      minStep = (Long) rs.getObject(2);
      maxStep = (Long) rs.getObject(3);
    }
    List<Long> envIds = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT env FROM "
                    + from
                    + " WHERE env IS NOT NULL ORDER BY env LIMIT "
                    + MAX_ENV_IDS)) {
      while (rs.next()) {
        envIds.add(rs.getLong(1));
      }
    }
    List<TraceColumn> listed = allColumns != null ? allColumns : columns;
    List<String> names = listed.stream().map(TraceColumn::name).toList();
    List<String> numeric =
        listed.stream().filter(col -> col.numeric() && !col.key()).map(TraceColumn::name).toList();
    TraceInfo info =
        new TraceInfo(
            trace.getFileName().toString(),
            format,
            size,
            names,
            numeric,
            rows,
            List.copyOf(envIds),
            minStep,
            maxStep);
    return new OpenTrace(from, columns, info, false, null, null);
  }

  /**
   * The Parquet relation with BIGINT step and env columns named in lower case (env 0 when absent);
   * the relation itself when it already has them, as the CSV cache does.
   */
  private static String keyed(String raw, List<TraceColumn> columns) {
    TraceColumn env = TraceColumns.find(columns, TraceColumns.ENV);
    boolean plain =
        env != null
            && env.name().equals(TraceColumns.ENV)
            && env.type().equals("BIGINT")
            && TraceColumns.find(columns, TraceColumns.STEP).name().equals(TraceColumns.STEP)
            && TraceColumns.find(columns, TraceColumns.STEP).type().equals("BIGINT");
    if (plain) {
      return raw;
    }
    List<String> select = new ArrayList<>();
    for (TraceColumn col : columns) {
      String lower = col.name().toLowerCase(Locale.ROOT);
      if (lower.equals(TraceColumns.STEP) || lower.equals(TraceColumns.ENV)) {
        select.add("TRY_CAST(" + Sql.ident(col.name()) + " AS BIGINT) AS " + Sql.ident(lower));
        if (lower.equals(TraceColumns.STEP) && env == null) {
          select.add("CAST(0 AS BIGINT) AS " + Sql.ident(TraceColumns.ENV));
        }
      } else {
        select.add(Sql.ident(col.name()));
      }
    }
    return "(SELECT " + String.join(", ", select) + " FROM " + raw + ")";
  }

  private static String names(List<TraceColumn> columns) {
    return String.join(", ", columns.stream().map(TraceColumn::name).toList());
  }
}
