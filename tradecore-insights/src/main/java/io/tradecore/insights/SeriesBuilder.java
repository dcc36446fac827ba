package io.tradecore.insights;

import java.util.List;

/** Turns one environment's bucket rows into a series by the query's downsampling method. */
final class SeriesBuilder {
  private SeriesBuilder() {}

  /** Every bucket's first, minimum, maximum and last rows, deduplicated and ordered by step. */
  static Points minmax(List<Bucket> buckets) {
    Points out = new Points(buckets.size() * 4);
    long[] s = new long[4];
    double[] v = new double[4];
    for (Bucket b : buckets) {
      if (b.finite() == 0) {
        continue;
      }
      s[0] = b.firstStep();
      v[0] = b.first();
      s[1] = b.minStep();
      v[1] = b.min();
      s[2] = b.maxStep();
      v[2] = b.max();
      s[3] = b.lastStep();
      v[3] = b.last();
      sort4(s, v);
      for (int i = 0; i < 4; i++) {
        boolean seen = false;
        for (int j = 0; j < i; j++) {
          if (s[j] == s[i] && Double.compare(v[j], v[i]) == 0) {
            seen = true;
            break;
          }
        }
        if (!seen) {
          out.add(s[i], v[i]);
        }
      }
    }
    return out;
  }

  /** Every bucket's first row. */
  static Points stride(List<Bucket> buckets) {
    Points out = new Points(buckets.size());
    for (Bucket b : buckets) {
      if (b.finite() > 0) {
        out.add(b.firstStep(), b.first());
      }
    }
    return out;
  }

  /** LTTB to {@code maxPoints} over the minmax points of {@code buckets}. */
  static Points lttb(List<Bucket> buckets, int maxPoints) {
    return Lttb.downsample(minmax(buckets), maxPoints);
  }

  /** Insertion sort of four points by step, then value. */
  private static void sort4(long[] s, double[] v) {
    for (int i = 1; i < 4; i++) {
      long ks = s[i];
      double kv = v[i];
      int j = i - 1;
      while (j >= 0 && (s[j] > ks || (s[j] == ks && Double.compare(v[j], kv) > 0))) {
        s[j + 1] = s[j];
        v[j + 1] = v[j];
        j--;
      }
      s[j + 1] = ks;
      v[j + 1] = kv;
    }
  }
}
