package io.tradecore.insights;

import java.util.List;

/**
 * A trace ready to query: the SQL relation to select from (its Parquet file, or its Parquet cache
 * for a CSV, with BIGINT step and env columns), its columns and what it holds.
 */
record OpenTrace(String from, List<TraceColumn> columns, TraceInfo info, boolean cacheBuilt) {

  /** The same trace, marked as having been cached by this request. */
  OpenTrace built() {
    return new OpenTrace(from, columns, info, true);
  }
}
