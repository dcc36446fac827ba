package io.tradecore.insights;

import java.util.List;

/**
 * What an action trace holds.
 *
 * @param file the trace's file name
 * @param format csv or parquet
 * @param sizeBytes the trace file's size
 * @param columns every column, in file order
 * @param numericColumns the columns that can be charted (numeric, not step or env)
 * @param rowCount the number of rows
 * @param envIds the distinct environment ids, ascending (just 0 when the trace has no env column)
 * @param minStep the smallest step, or null for an empty trace
 * @param maxStep the largest step, or null for an empty trace
 */
public record TraceInfo(
    String file,
    String format,
    long sizeBytes,
    List<String> columns,
    List<String> numericColumns,
    long rowCount,
    List<Long> envIds,
    Long minStep,
    Long maxStep) {}
