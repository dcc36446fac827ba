package io.tradecore.insights;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent full scan of a trace CSV in plain Java, for checking the DuckDB results: every
 * row's step, env and metric values (NaN standing for any non-finite or empty value).
 */
final class CsvScan {
  final List<String> header;
  final long[] steps;
  final long[] envs;
  private final Map<String, double[]> columns = new TreeMap<>();

  private CsvScan(List<String> header, long[] steps, long[] envs) {
    this.header = header;
    this.steps = steps;
    this.envs = envs;
  }

  static CsvScan read(Path csv, String... metrics) throws IOException {
    List<String> lines;
    try (BufferedReader r = Files.newBufferedReader(csv)) {
      lines = r.lines().toList();
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int n = lines.size() - 1;
    long[] steps = new long[n];
    long[] envs = new long[n];
    int stepCol = header.indexOf("step");
    int envCol = header.indexOf("env");
    double[][] values = new double[metrics.length][n];
    int[] cols = Arrays.stream(metrics).mapToInt(header::indexOf).toArray();
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",", -1);
      steps[i] = Long.parseLong(f[stepCol]);
      envs[i] = envCol < 0 ? 0 : Long.parseLong(f[envCol]);
      for (int m = 0; m < metrics.length; m++) {
        values[m][i] = parse(f[cols[m]]);
      }
    }
    CsvScan scan = new CsvScan(header, steps, envs);
    for (int m = 0; m < metrics.length; m++) {
      scan.columns.put(metrics[m], values[m]);
    }
    return scan;
  }

  /** A CSV field as a double; NaN for nan, inf, -inf, empty and anything unparseable. */
  static double parse(String field) {
    try {
      double d = Double.parseDouble(field);
      return Double.isFinite(d) ? d : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  double[] values(String metric) {
    return columns.get(metric);
  }

  int rows() {
    return steps.length;
  }

  boolean selected(int i, Long env, long lo, long hi) {
    return (env == null || envs[i] == env) && steps[i] >= lo && steps[i] <= hi;
  }

  /** The stats of a full scan: the expected {@link MetricStats}. */
  MetricStats stats(String metric, Long env, long lo, long hi) {
    double[] v = values(metric);
    long count = 0;
    long finite = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int first = -1;
    int last = -1;
    for (int i = 0; i < rows(); i++) {
      if (!selected(i, env, lo, hi)) {
        continue;
      }
      count++;
      if (Double.isNaN(v[i])) {
        continue;
      }
      finite++;
      sum += v[i];
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
      if (first < 0 || before(i, first)) {
        first = i;
      }
      if (last < 0 || before(last, i)) {
        last = i;
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
        v[first],
        v[last],
        steps[first],
        steps[last]);
  }

  private boolean before(int a, int b) {
    return steps[a] < steps[b] || (steps[a] == steps[b] && envs[a] < envs[b]);
  }

  /** Per bucket of one env, the true minimum and maximum finite values: {min, max} by bucket. */
  Map<Long, double[]> bucketExtremes(String metric, long env, long lo, long hi, int buckets) {
    double[] v = values(metric);
    Map<Long, double[]> out = new TreeMap<>();
    for (int i = 0; i < rows(); i++) {
      if (!selected(i, env, lo, hi) || Double.isNaN(v[i])) {
        continue;
      }
      long bucket = (steps[i] - lo) * buckets / (hi - lo + 1);
      double value = v[i];
      double[] mm = out.computeIfAbsent(bucket, b -> new double[] {value, value});
      mm[0] = Math.min(mm[0], value);
      mm[1] = Math.max(mm[1], value);
    }
    return out;
  }

  /** The finite rows of one env in [lo, hi] as (step, value), by step. */
  List<double[]> finiteRows(String metric, long env, long lo, long hi) {
    double[] v = values(metric);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < rows(); i++) {
      if (selected(i, env, lo, hi) && !Double.isNaN(v[i])) {
        out.add(new double[] {steps[i], v[i]});
      }
    }
    out.sort((a, b) -> Double.compare(a[0], b[0]));
    return out;
  }

  long minStep() {
    return Arrays.stream(steps).min().orElseThrow();
  }

  long maxStep() {
    return Arrays.stream(steps).max().orElseThrow();
  }
}
