package io.tradecore.insights;

/**
 * A metric's figures over the selected range and environments; min, max, mean, first and last cover
 * the finite values only and are null when there are none.
 *
 * @param metric the column
 * @param count the rows in the selection
 * @param finiteCount the rows whose value is a finite number
 * @param nonFiniteCount the rows whose value is nan, inf, -inf, empty or not a number
 * @param min the smallest finite value
 * @param max the largest finite value
 * @param mean the mean of the finite values
 * @param first the finite value with the smallest (step, env)
 * @param last the finite value with the largest (step, env)
 * @param firstStep the step of first
 * @param lastStep the step of last
 */
public record MetricStats(
    String metric,
    long count,
    long finiteCount,
    long nonFiniteCount,
    Double min,
    Double max,
    Double mean,
    Double first,
    Double last,
    Long firstStep,
    Long lastStep) {}
