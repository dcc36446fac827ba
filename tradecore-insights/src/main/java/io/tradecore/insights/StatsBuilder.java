package io.tradecore.insights;

import java.util.List;

/**
 * A metric's stats over the selection, combined from its bucket rows (the mean from per-bucket sums
 * with compensated summation).
 */
final class StatsBuilder {
  private StatsBuilder() {}

  static MetricStats of(String metric, List<Bucket> buckets) {
    long count = 0;
    long finite = 0;
    double sum = 0;
    double compensation = 0;
    Bucket first = null;
    Bucket last = null;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Bucket b : buckets) {
      count += b.count();
      if (b.finite() == 0) {
        continue;
      }
      finite += b.finite();
      double y = b.sum() - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
      min = Math.min(min, b.min());
      max = Math.max(max, b.max());
      if (first == null
          || b.firstStep() < first.firstStep()
          || (b.firstStep() == first.firstStep() && b.env() < first.env())) {
        first = b;
      }
      if (last == null
          || b.lastStep() > last.lastStep()
          || (b.lastStep() == last.lastStep() && b.env() > last.env())) {
        last = b;
      }
    }
    if (finite == 0) {
      return new MetricStats(metric, count, 0, count, null, null, null, null, null, null, null);
    }
    return new MetricStats(
        metric,
        count,
        finite,
        count - finite,
        min,
        max,
        sum / finite,
        first.first(),
        last.last(),
        first.firstStep(),
        last.lastStep());
  }
}
