package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceQueryTest {
  private static final int ENVS = 4;
  private static final String[] METRICS = {"price", "equity", "cash", "reward", "drawdown"};

  @TempDir static Path tmp;
  private static Path trace;
  private static TraceStore store;
  private static CsvScan scan;

  @BeforeAll
  static void generate() throws Exception {
    trace = SampleRun.write(tmp.resolve("runs/ppo-sample"), 200_000, ENVS, 7);
    scan = CsvScan.read(trace, METRICS);
    store = new TraceStore(tmp.resolve("cache"));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void minmaxKeepsEveryBucketsTrueMinimumAndMaximum() {
    for (String metric : List.of("equity", "price")) {
      TraceResult r = store.query(trace, TraceQuery.of(metric).withMaxPoints(400));
      assertThat(r.method()).isEqualTo("minmax");
      assertThat(r.buckets()).isEqualTo(100);
      assertThat(r.fromStep()).isEqualTo(scan.minStep());
      assertThat(r.toStep()).isEqualTo(scan.maxStep());
      assertThat(r.series()).hasSize(ENVS);
      for (Series s : r.series()) {
        assertThat(s.metric()).isEqualTo(metric);
        assertThat(s.downsampled()).isTrue();
        assertThat(s.size()).isLessThanOrEqualTo(400).isGreaterThan(200);
        assertOrderedAndFinite(s);
        Map<Long, double[]> truth =
            scan.bucketExtremes(metric, s.env(), r.fromStep(), r.toStep(), r.buckets());
        assertThat(truth).hasSize(r.buckets());
        truth.forEach(
            (bucket, minMax) -> {
              assertThat(valuesInBucket(s, r, bucket))
                  .as("%s env %d bucket %d", metric, s.env(), bucket)
                  .contains(minMax[0], minMax[1]);
            });
      }
    }
  }

  @Test
  void minmaxKeepsTheSpikesThatStrideMisses() {
    TraceQuery q = TraceQuery.of("price").withMaxPoints(400);
    TraceResult minmax = store.query(trace, q);
    TraceResult stride = store.query(trace, q.withMethod(DownsampleMethod.STRIDE));
    int missedByStride = 0;
    for (int e = 0; e < ENVS; e++) {
      MetricStats st = store.query(trace, q.withEnv("" + e)).stats().get("price");
      double[] mm = minmax.series().get(e).values();
      double[] sv = stride.series().get(e).values();
      assertThat(mm).contains(st.max(), st.min());
      if (!contains(sv, st.max()) || !contains(sv, st.min())) {
        missedByStride++;
      }
    }
    assertThat(missedByStride).isPositive();
  }

  private static boolean contains(double[] values, double v) {
    for (double x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  @Test
  void minmaxOfOneEnvAtTheLargestPointCount() {
    TraceResult r = store.query(trace, TraceQuery.of("equity").withEnv("2").withMaxPoints(5000));
    assertThat(r.series()).hasSize(1);
    Series s = r.series().get(0);
    assertThat(s.env()).isEqualTo(2);
    assertThat(s.size()).isLessThanOrEqualTo(5000);
    Map<Long, double[]> truth =
        scan.bucketExtremes("equity", 2, r.fromStep(), r.toStep(), r.buckets());
    truth.forEach(
        (bucket, minMax) ->
            assertThat(valuesInBucket(s, r, bucket)).contains(minMax[0], minMax[1]));
  }

  @Test
  void statsEqualAFullScan() {
    for (String env : List.of("all", "0", "3")) {
      for (long[] range : new long[][] {{scan.minStep(), scan.maxStep()}, {1_000, 31_234}}) {
        TraceQuery q =
            TraceQuery.parse(List.of(METRICS), env, "1500", "" + range[0], "" + range[1], "minmax");
        TraceResult r = store.query(trace, q);
        Long envId = q.envId();
        for (String metric : METRICS) {
          MetricStats expected = scan.stats(metric, envId, range[0], range[1]);
          MetricStats actual = r.stats().get(metric);
          assertThat(actual.count()).isEqualTo(expected.count());
          assertThat(actual.finiteCount()).isEqualTo(expected.finiteCount());
          assertThat(actual.nonFiniteCount()).isEqualTo(expected.nonFiniteCount());
          assertThat(actual.min()).isEqualTo(expected.min());
          assertThat(actual.max()).isEqualTo(expected.max());
          assertThat(actual.mean())
              .isCloseTo(expected.mean(), within(1e-9 * Math.max(1, Math.abs(expected.mean()))));
          assertThat(actual.first()).isEqualTo(expected.first());
          assertThat(actual.last()).isEqualTo(expected.last());
          assertThat(actual.firstStep()).isEqualTo(expected.firstStep());
          assertThat(actual.lastStep()).isEqualTo(expected.lastStep());
        }
      }
    }
  }

  @Test
  void nonFiniteValuesAreCountedAndLeftOut() {
    TraceResult r = store.query(trace, TraceQuery.of(METRICS));
    long nonFinite = r.stats().values().stream().mapToLong(MetricStats::nonFiniteCount).sum();
    // About 0.1% of rows have one bad value among seven columns; five of them are queried here.
    assertThat(nonFinite).isBetween(60L, 300L);
    for (MetricStats st : r.stats().values()) {
      assertThat(st.count()).isEqualTo(200_000);
      assertThat(st.finiteCount() + st.nonFiniteCount()).isEqualTo(st.count());
    }
    r.series().forEach(TraceQueryTest::assertOrderedAndFinite);
  }

  @Test
  void lttbAndStrideStayWithinMaxPoints() {
    for (DownsampleMethod m : List.of(DownsampleMethod.LTTB, DownsampleMethod.STRIDE)) {
      for (int points : List.of(10, 777, 5000)) {
        TraceResult r =
            store.query(
                trace, TraceQuery.of("equity", "price").withMethod(m).withMaxPoints(points));
        assertThat(r.method()).isEqualTo(m.id());
        assertThat(r.buckets()).isEqualTo(points);
        assertThat(r.series()).hasSize(2 * ENVS);
        for (Series s : r.series()) {
          assertThat(s.size()).isLessThanOrEqualTo(points).isGreaterThan(points * 9 / 10);
          assertOrderedAndFinite(s);
          assertThat(s.steps()[0])
              .isLessThan(r.fromStep() + (r.toStep() - r.fromStep()) / points + 1);
        }
      }
    }
  }

  @Test
  void strideIsEvenlySpacedAndLttbKeepsTheEnds() {
    TraceResult stride =
        store.query(
            trace,
            TraceQuery.of("equity")
                .withEnv("1")
                .withMethod(DownsampleMethod.STRIDE)
                .withMaxPoints(100));
    long[] steps = stride.series().get(0).steps();
    for (int i = 1; i < steps.length; i++) {
      assertThat(steps[i] - steps[i - 1]).isBetween(400L, 600L);
    }
    TraceResult lttb =
        store.query(
            trace,
            TraceQuery.of("equity")
                .withEnv("1")
                .withMethod(DownsampleMethod.LTTB)
                .withMaxPoints(100));
    Series s = lttb.series().get(0);
    assertThat(s.size()).isEqualTo(100);
    List<double[]> rows = scan.finiteRows("equity", 1, scan.minStep(), scan.maxStep());
    assertThat(s.steps()[0]).isEqualTo((long) rows.get(0)[0]);
    assertThat(s.steps()[99]).isEqualTo((long) rows.get(rows.size() - 1)[0]);
  }

  @Test
  void zoomingInReturnsEveryRowOfTheRange() {
    for (DownsampleMethod m : DownsampleMethod.values()) {
      TraceQuery q =
          TraceQuery.of("equity", "reward")
              .withMethod(m)
              .withRange(12_000L, 12_999L)
              .withMaxPoints(1500);
      TraceResult r = store.query(trace, q);
      assertThat(r.fromStep()).isEqualTo(12_000);
      assertThat(r.toStep()).isEqualTo(12_999);
      for (Series s : r.series()) {
        List<double[]> expected = scan.finiteRows(s.metric(), s.env(), 12_000, 12_999);
        assertThat(s.downsampled()).isFalse();
        assertThat(s.finiteRows()).isEqualTo(expected.size());
        assertThat(s.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(s.steps()[i]).isEqualTo((long) expected.get(i)[0]);
          assertThat(s.values()[i]).isEqualTo(expected.get(i)[1]);
        }
      }
    }
  }

  @Test
  void aRangeOutsideTheTraceIsEmpty() {
    TraceResult r = store.query(trace, TraceQuery.of("equity").withRange(10_000_000L, null));
    assertThat(r.series()).allSatisfy(s -> assertThat(s.size()).isZero());
    assertThat(r.stats().get("equity").count()).isZero();
    assertThat(r.stats().get("equity").mean()).isNull();
    assertThat(r.sampleRows()).isEmpty();
  }

  @Test
  void sampleRowsAreTheFirstRowsAndEvenlySpreadOnes() {
    TraceResult r = store.query(trace, TraceQuery.of("equity"));
    List<Map<String, Object>> rows = r.sampleRows();
    assertThat(rows.size()).isBetween(12, 15);
    assertThat(rows.subList(0, 5))
        .extracting(m -> m.get("step") + "/" + m.get("env"))
        .containsExactly("0/0", "0/1", "0/2", "0/3", "1/0");
    assertThat(rows.get(0).keySet()).containsExactlyElementsOf(scan.header);
    assertThat(rows.get(0).get("timestamp")).isEqualTo("2026-01-05T00:00:00Z");
    assertThat(rows.get(0).get("equity")).isEqualTo(100000.0);
    long last = (long) rows.get(rows.size() - 1).get("step");
    assertThat(last).isGreaterThan(scan.maxStep() * 9 / 10);
    TraceResult one = store.query(trace, TraceQuery.of("equity").withEnv("3"));
    assertThat(one.sampleRows()).allSatisfy(m -> assertThat(m.get("env")).isEqualTo(3L));
  }

  @Test
  void resultsAreValidJson() throws Exception {
    TraceResult r = store.query(trace, TraceQuery.of(METRICS).withMaxPoints(5000));
    String json = new ObjectMapper().writeValueAsString(r);
    ObjectMapper strict =
        JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    JsonNode node = strict.readTree(json);
    assertThat(node.get("series").size()).isEqualTo(METRICS.length * ENVS);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void sampleRowsShowNonFiniteValuesAsText() {
    assertThat(SampleRows.jsonValue(Double.NaN)).isEqualTo("nan");
    assertThat(SampleRows.jsonValue(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(SampleRows.jsonValue(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(SampleRows.jsonValue(null)).isNull();
    assertThat(SampleRows.jsonValue(1.5)).isEqualTo(1.5);
  }

  @Test
  void unknownMetricsAndEnvsNameWhatExists() {
    assertThatThrownBy(() -> store.query(trace, TraceQuery.of("equity", "sharpe")))
        .isInstanceOfSatisfying(
            TraceQueryException.class, e -> assertThat(e.parameter()).isEqualTo("metrics"))
        .hasMessageContaining("unknown metric 'sharpe'")
        .hasMessageContaining("price, action, position, cash, equity, reward, drawdown");
    assertThatThrownBy(() -> store.query(trace, TraceQuery.of("timestamp")))
        .isInstanceOfSatisfying(
            TraceQueryException.class, e -> assertThat(e.parameter()).isEqualTo("metrics"))
        .hasMessageContaining("'timestamp' is not numeric");
    assertThatThrownBy(() -> store.query(trace, TraceQuery.of("equity").withEnv("9")))
        .isInstanceOfSatisfying(
            TraceQueryException.class, e -> assertThat(e.parameter()).isEqualTo("env"))
        .hasMessageContaining("unknown env '9'")
        .hasMessageContaining("0, 1, 2, 3");
  }

  @Test
  void badParametersNameTheParameter() {
    assertParameter(
        () -> TraceQuery.of("equity").withMaxPoints(9), "max_points", "between 10 and 5000");
    assertParameter(() -> TraceQuery.of("equity").withMaxPoints(5001), "max_points", "5001");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), null, "lots", null, null, null),
        "max_points",
        "'lots'");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), null, "99999999999", null, null, null),
        "max_points",
        "got 99999999999");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), null, null, "10", "5", null),
        "from_step",
        "after to_step");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), null, null, "x", null, null), "from_step", "'x'");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), null, null, null, "1e3", null),
        "to_step",
        "'1e3'");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), "first", null, null, null, null), "env", "'all'");
    assertParameter(
        () -> TraceQuery.parse(List.of("equity"), null, null, null, null, "average"),
        "method",
        "minmax, lttb, stride");
  }

  @Test
  void parseAppliesDefaultsAndSplitsMetrics() {
    TraceQuery q = TraceQuery.parse(List.of("equity,cash", " price "), null, null, "", null, "");
    assertThat(q.metrics()).containsExactly("equity", "cash", "price");
    assertThat(q.env()).isEqualTo("all");
    assertThat(q.maxPoints()).isEqualTo(1500);
    assertThat(q.fromStep()).isNull();
    assertThat(q.method()).isEqualTo(DownsampleMethod.MINMAX);
    assertThat(TraceQuery.parse(null, "ALL", "10", null, null, "LTTB").method())
        .isEqualTo(DownsampleMethod.LTTB);
    TraceResult r = store.query(trace, TraceQuery.parse(null, "1", null, null, null, null));
    assertThat(r.metrics()).containsExactly("equity");
  }

  private static void assertParameter(Runnable r, String parameter, String message) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            TraceQueryException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
        .hasMessageContaining(message);
  }

  private static List<Double> valuesInBucket(Series s, TraceResult r, long bucket) {
    List<Double> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      long b = (s.steps()[i] - r.fromStep()) * r.buckets() / (r.toStep() - r.fromStep() + 1);
      if (b == bucket) {
        out.add(s.values()[i]);
      }
    }
    return out;
  }

  static void assertOrderedAndFinite(Series s) {
    assertThat(s.values().length).isEqualTo(s.steps().length);
    for (int i = 0; i < s.size(); i++) {
      assertThat(Double.isFinite(s.values()[i])).isTrue();
      if (i > 0) {
        assertThat(s.steps()[i]).isGreaterThanOrEqualTo(s.steps()[i - 1]);
      }
    }
  }
}
