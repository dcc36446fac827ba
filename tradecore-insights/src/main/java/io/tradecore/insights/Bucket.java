package io.tradecore.insights;

/**
 * One environment's rows in one equal-width step bucket, aggregated by DuckDB: row counts, the sum
 * of the finite values, and the first, last, minimum and maximum finite rows (steps are meaningful
 * only when {@code finite > 0}).
 */
record Bucket(
    long env,
    long bucket,
    long count,
    long finite,
    double sum,
    long firstStep,
    double first,
    long lastStep,
    double last,
    long minStep,
    double min,
    long maxStep,
    double max) {}
