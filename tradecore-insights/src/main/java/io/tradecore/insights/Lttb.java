package io.tradecore.insights;

/**
 * Largest-triangle-three-buckets (Steinarsson, 2013): keeps the first and last points and, from
 * each of threshold - 2 buckets, the point forming the largest triangle with the previously kept
 * point and the next bucket's average.
 */
final class Lttb {
  private Lttb() {}

  /** {@code in} reduced to at most {@code threshold} points (unchanged if it already fits). */
  static Points downsample(Points in, int threshold) {
    int n = in.size();
    if (threshold >= n) {
      return copyAll(in);
    }
    if (threshold < 3) {
      throw new IllegalArgumentException("threshold must be at least 3, got " + threshold);
    }
    Points out = new Points(threshold);
    double every = (double) (n - 2) / (threshold - 2);
    int a = 0;
    out.add(in.step(0), in.value(0));
    for (int i = 0; i < threshold - 2; i++) {
      int avgStart = (int) Math.floor((i + 1) * every) + 1;
      int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
      double avgX = 0;
      double avgY = 0;
      for (int j = avgStart; j < avgEnd; j++) {
        avgX += in.step(j);
        avgY += in.value(j);
      }
      int avgLen = Math.max(1, avgEnd - avgStart);
      avgX /= avgLen;
      avgY /= avgLen;
      int from = (int) Math.floor(i * every) + 1;
      int to = (int) Math.floor((i + 1) * every) + 1;
      double ax = in.step(a);
      double ay = in.value(a);
      double best = -1;
      int pick = from;
      for (int j = from; j < to; j++) {
        double area = Math.abs((ax - avgX) * (in.value(j) - ay) - (ax - in.step(j)) * (avgY - ay));
        if (area > best) {
          best = area;
          pick = j;
        }
      }
      out.add(in.step(pick), in.value(pick));
      a = pick;
    }
    out.add(in.step(n - 1), in.value(n - 1));
    return out;
  }

  private static Points copyAll(Points in) {
    Points copy = new Points(in.size());
    for (int i = 0; i < in.size(); i++) {
      copy.add(in.step(i), in.value(i));
    }
    return copy;
  }
}
