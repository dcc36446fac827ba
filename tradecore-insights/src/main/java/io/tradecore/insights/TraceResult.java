package io.tradecore.insights;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link TraceQuery}: a series per metric and environment, stats per metric, sample
 * rows and the trace's columns. Contains no non-finite numbers, so it is always valid JSON.
 *
 * @param trace the trace's file name
 * @param columns every column of the trace, in file order
 * @param numericColumns the columns that can be charted
 * @param envIds every environment id of the trace
 * @param metrics the metrics charted
 * @param env "all" or the environment id queried
 * @param method the downsampling method
 * @param maxPoints the most points per series
 * @param fromStep the first step of the range used (the query's or the trace's first step)
 * @param toStep the last step of the range used (the query's or the trace's last step)
 * @param buckets the number of equal-width step buckets the range was split into for downsampling
 *     (bucket of a step s: (s - fromStep) * buckets / (toStep - fromStep + 1), rounded down)
 * @param series one per metric and environment, in metric then environment order
 * @param stats one per metric, keyed by metric name in query order
 * @param sampleRows the first rows of the range and rows spread evenly over it, column to value;
 *     non-finite numbers are the strings "nan", "inf" or "-inf", empty values null
 * @param elapsedMs the time the query took, including a cache build
 * @param cacheBuilt true when this query built the trace's Parquet cache
 */
public record TraceResult(
    String trace,
    List<String> columns,
    List<String> numericColumns,
    List<Long> envIds,
    List<String> metrics,
    String env,
    String method,
    int maxPoints,
    Long fromStep,
    Long toStep,
    int buckets,
    List<Series> series,
    Map<String, MetricStats> stats,
    List<Map<String, Object>> sampleRows,
    long elapsedMs,
    boolean cacheBuilt) {}
