package io.tradecore.insights;

import java.util.Locale;

/** A trace column with its DuckDB type. */
record TraceColumn(String name, String type) {

  /** True for integer, floating-point and decimal types. */
  boolean numeric() {
    String t = type.toUpperCase(Locale.ROOT);
    return t.equals("DOUBLE")
        || t.equals("FLOAT")
        || t.equals("REAL")
        || t.endsWith("INT")
        || t.endsWith("INTEGER")
        || t.equals("HUGEINT")
        || t.equals("UHUGEINT")
        || t.startsWith("DECIMAL");
  }

  /** True for the step and env key columns, which are never charted. */
  boolean key() {
    return name.equals(TraceColumns.STEP) || name.equals(TraceColumns.ENV);
  }
}
