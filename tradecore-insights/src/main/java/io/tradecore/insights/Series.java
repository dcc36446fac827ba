package io.tradecore.insights;

/**
 * One metric of one environment as (step, value) points ordered by step, finite values only.
 *
 * @param metric the column charted
 * @param env the environment id
 * @param finiteRows the finite rows of this metric and environment in the selected range
 * @param downsampled false when every finite row in the range is in the series
 * @param steps the points' steps
 * @param values the points' values, same length as steps
 */
public record Series(
    String metric, long env, long finiteRows, boolean downsampled, long[] steps, double[] values) {

  /** The number of points. */
  public int size() {
    return steps.length;
  }
}
