package io.tradecore.insights;

import java.nio.file.Path;
import java.util.List;

/**
 * A trace ready to query: the SQL relation to select from (its Parquet file, or its Parquet cache
 * for a CSV, with BIGINT step and env columns), its columns and what it holds. A CSV trace whose
 * whole cache is still missing is read through a partial cache ({@code partialOf} is the CSV and
 * {@code plan} its conversion): the relation then holds step, env and the queried metrics only.
 */
record OpenTrace(
    String from,
    List<TraceColumn> columns,
    TraceInfo info,
    boolean cacheBuilt,
    Path partialOf,
    CsvToParquet.Plan plan) {

  /** The same trace, marked as having been cached by this request. */
  OpenTrace built() {
    return new OpenTrace(from, columns, info, true, partialOf, plan);
  }

  /** Whether the relation is a partial cache. */
  boolean partial() {
    return partialOf != null;
  }
}
