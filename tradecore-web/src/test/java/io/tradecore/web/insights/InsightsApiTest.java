package io.tradecore.web.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.insights.SampleRun;
import io.tradecore.web.insights.InsightsServer.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Run Insights API against sample runs, checked against an independent scan of the CSV. */
class InsightsApiTest {
  private static final String RUN = "ppo/run-a";
  private static final int ROWS = 50_000;
  private static final int ENVS = 4;

  @TempDir static Path tmp;
  private static InsightsServer server;
  private static Path trace;
  private static Trace csv;

  @BeforeAll
  static void start() throws IOException {
    Path root = tmp.resolve("runs");
    trace = SampleRun.write(root.resolve(RUN), ROWS, ENVS, 42);
    SampleRun.write(root.resolve("tf/run-b"), 2_000, 2, 7);
    Files.createDirectories(tmp.resolve("secret"));
    Files.writeString(tmp.resolve("secret/experiment.json"), "{\"algorithm\":\"secret\"}");
    csv = Trace.read(trace);
    server = InsightsServer.start(tmp, root);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void listsTheRunsWithTheirSummaries() {
    Reply r = get("/api/runs");
    assertThat(r.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    r.json().get("runs").forEach(n -> names.add(n.get("name").asText()));
    assertThat(names).containsExactly(RUN, "tf/run-b");
    JsonNode a = r.json().get("runs").get(0);
    assertThat(a.get("algorithm").asText()).isEqualTo("PPO");
    assertThat(a.get("environments").asInt()).isEqualTo(ENVS);
    assertThat(a.get("eval").has("mean_return_pct")).isTrue();
    assertThat(a.get("problems")).isEmpty();
    List<String> files = new ArrayList<>();
    a.get("artifacts").forEach(f -> files.add(f.get("name").asText()));
    assertThat(files)
        .contains("experiment.json", "eval_summary.json", trace.getFileName().toString());
  }

  @Test
  void detailHasTheExperimentEvalAndTraceShape() {
    for (String path : List.of("/api/runs/" + RUN, "/api/runs/" + enc(RUN))) {
      Reply r = get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.json().get("name").asText()).isEqualTo(RUN);
      assertThat(r.json().get("experiment").get("n_envs").asInt()).isEqualTo(ENVS);
      assertThat(r.json().get("eval_summary").has("sharpe")).isTrue();
      JsonNode t = r.json().get("trace");
      assertThat(t.get("row_count").asLong()).isEqualTo(ROWS);
      assertThat(t.get("env_ids").toString()).isEqualTo("[0,1,2,3]");
      assertThat(t.get("columns").toString()).contains("\"equity\"", "\"cash\"");
    }
  }

  @Test
  void minmaxSeriesKeepEveryBucketsExtremesWithinMaxPoints() {
    for (String metric : List.of("equity", "reward")) {
      Reply r = actions("metrics=" + metric + "&max_points=200");
      assertThat(r.status()).isEqualTo(200);
      JsonNode body = r.json();
      long from = body.get("from_step").asLong();
      long to = body.get("to_step").asLong();
      int buckets = body.get("buckets").asInt();
      assertThat(body.get("method").asText()).isEqualTo("minmax");
      assertThat(buckets).as("first, last, min and max of each bucket").isEqualTo(200 / 4);
      assertThat(body.get("series")).hasSize(ENVS);
      for (JsonNode s : body.get("series")) {
        int env = s.get("env").asInt();
        assertThat(s.get("steps").size())
            .isLessThanOrEqualTo(200)
            .isEqualTo(s.get("values").size());
        assertThat(s.get("downsampled").asBoolean()).isTrue();
        double[] min = new double[buckets];
        double[] max = new double[buckets];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        int col = csv.column(metric);
        for (Row row : csv.rows()) {
          double v = row.values()[col];
          if (row.env() == env && Double.isFinite(v)) {
            int b = (int) ((row.step() - from) * buckets / (to - from + 1));
            min[b] = Math.min(min[b], v);
            max[b] = Math.max(max[b], v);
          }
        }
        for (int b = 0; b < buckets; b++) {
          if (min[b] == Double.POSITIVE_INFINITY) {
            continue;
          }
          assertThat(valuesInBucket(s, b, from, to, buckets))
              .as("%s env %d bucket %d", metric, env, b)
              .contains(min[b], max[b]);
        }
      }
    }
  }

  @Test
  void everyMethodStaysWithinMaxPoints() {
    for (String method : List.of("minmax", "lttb", "stride")) {
      Reply r = actions("metrics=equity&metrics=cash&env=2&max_points=150&method=" + method);
      assertThat(r.status()).as(method).isEqualTo(200);
      assertThat(r.json().get("series")).hasSize(2);
      for (JsonNode s : r.json().get("series")) {
        assertThat(s.get("steps").size()).as(method).isBetween(1, 150);
      }
    }
  }

  @Test
  void statsEqualAFullScanWithNonFiniteCountedAndLeftOut() {
    long nonFinite = 0;
    for (String metric : List.of("equity", "cash", "reward", "price", "drawdown")) {
      for (String env : List.of("all", "1")) {
        for (String range : List.of("", "&from_step=1000&to_step=9000")) {
          Reply r = actions("metrics=" + metric + "&env=" + env + range);
          assertThat(r.status()).isEqualTo(200);
          JsonNode st = r.json().get("stats").get(metric);
          Scan expected =
              range.isEmpty()
                  ? csv.scan(metric, env.equals("all") ? null : 1, 0, Long.MAX_VALUE)
                  : csv.scan(metric, env.equals("all") ? null : 1, 1000, 9000);
          assertThat(st.get("count").asLong()).isEqualTo(expected.count);
          assertThat(st.get("finite_count").asLong()).isEqualTo(expected.finite);
          assertThat(st.get("non_finite_count").asLong())
              .isEqualTo(expected.count - expected.finite);
          assertThat(st.get("min").asDouble()).isEqualTo(expected.min);
          assertThat(st.get("max").asDouble()).isEqualTo(expected.max);
          assertThat(st.get("mean").asDouble())
              .isCloseTo(
                  expected.sum / expected.finite, within(1e-9 * Math.abs(expected.max) + 1e-12));
          assertThat(st.get("first").asDouble()).isEqualTo(expected.first);
          assertThat(st.get("last").asDouble()).isEqualTo(expected.last);
          nonFinite += expected.count - expected.finite;
          for (JsonNode s : r.json().get("series")) {
            for (JsonNode v : s.get("values")) {
              assertThat(v.isNumber()).isTrue();
            }
          }
        }
      }
    }
    assertThat(nonFinite).as("the sample sprinkles nan/inf/empty values").isPositive();
  }

  @Test
  void zoomingReturnsEveryRowOfASmallRange() {
    Reply r = actions("metrics=equity&env=3&from_step=500&to_step=599");
    assertThat(r.status()).isEqualTo(200);
    JsonNode s = r.json().get("series").get(0);
    Scan expected = csv.scan("equity", 3, 500, 599);
    assertThat(s.get("downsampled").asBoolean()).isFalse();
    assertThat((long) s.get("steps").size()).isEqualTo(expected.finite);
    assertThat(s.get("steps").get(0).asLong()).isGreaterThanOrEqualTo(500);
    assertThat(r.json().get("sample_rows")).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "metrics=nope, metrics",
    "metrics=equity&env=99, env",
    "metrics=equity&env=abc, env",
    "metrics=equity&max_points=5, max_points",
    "metrics=equity&max_points=5001, max_points",
    "metrics=equity&max_points=many, max_points",
    "metrics=equity&method=fancy, method",
    "metrics=equity&from_step=x, from_step",
    "metrics=equity&from_step=9&to_step=3, from_step",
    "metrics=equity&env=%D9%A1, env",
    "metrics=equity&max_points=%EF%BC%95%EF%BC%90, max_points",
    "metrics=equity&to_step=%F0%9D%9F%97, to_step",
    "metrics=equity&method=%1B%5B31m, method",
  })
  void badParametersAre400sNamingTheParameter(String query, String parameter) {
    Reply r = actions(query);
    assertThat(r.status()).as(query).isEqualTo(400);
    assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.json().get("error").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContainPattern("\\p{Cntrl}");
  }

  @Test
  void unknownMetricListsWhatExists() {
    Reply r = actions("metrics=nope");
    assertThat(r.json().get("error").asText()).contains("equity");
  }

  @Test
  void namesThatAreNotDiscoveredRunsAre404s() throws IOException {
    String abs = trace.getParent().toAbsolutePath().toString();
    List<String> names =
        List.of(
            "nope",
            "ppo",
            "..%2Fsecret",
            "..%2F..%2Fsecret",
            "ppo%2F..%2F..%2Fsecret",
            "%2E%2E%2Fsecret",
            enc(abs),
            enc(tmp.resolve("secret").toString()),
            abs.substring(1),
            "ppo%2Frun-a%2F..%2F..%2F..%2Fsecret");
    for (String prefix : List.of("/api/runs/", "/api/run-actions/")) {
      for (String name : names) {
        Reply r = get(prefix + name + (prefix.contains("actions") ? "?metrics=equity" : ""));
        assertThat(r.status()).as(prefix + name).isEqualTo(404);
        assertThat(r.json()).as(prefix + name).isNotNull();
        assertThat(r.json().get("error").asText()).doesNotContain("Exception");
      }
    }
    Reply absolute = get("/api/runs/" + abs);
    assertThat(absolute.status()).as(abs).isEqualTo(404);
  }

  private static List<Double> valuesInBucket(
      JsonNode series, int bucket, long from, long to, int buckets) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < series.get("steps").size(); i++) {
      long step = series.get("steps").get(i).asLong();
      if ((int) ((step - from) * buckets / (to - from + 1)) == bucket) {
        out.add(series.get("values").get(i).asDouble());
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Reply actions(String query) {
    return get("/api/run-actions/" + RUN + "?" + query);
  }

  private static Reply get(String path) {
    return server.get(path);
  }

  /** One CSV row: step, env and every column parsed as a double (NaN when not a finite number). */
  private record Row(long step, int env, double[] values) {}

  /** A full scan's figures for one metric. */
  private static final class Scan {
    long count;
    long finite;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum;
    double first = Double.NaN;
    double last = Double.NaN;
  }

  /** The whole sample trace, read independently of the server with plain Java. */
  private record Trace(List<String> header, List<Row> rows) {
    static Trace read(Path file) throws IOException {
      List<Row> rows = new ArrayList<>();
      List<String> header;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
        header = List.of(in.readLine().split(","));
        int step = header.indexOf("step");
        int env = header.indexOf("env");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] f = line.split(",", -1);
          double[] values = new double[f.length];
          for (int i = 0; i < f.length; i++) {
            values[i] = number(f[i]);
          }
          rows.add(new Row(Long.parseLong(f[step]), Integer.parseInt(f[env]), values));
        }
      }
      return new Trace(header, rows);
    }

    private static double number(String text) {
      try {
        double v = Double.parseDouble(text);
        return Double.isFinite(v) ? v : Double.NaN;
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    int column(String name) {
      return header.indexOf(name);
    }

    /** Rows ordered by (step, env) as written; env null means every environment. */
    Scan scan(String metric, Integer env, long from, long to) {
      int col = column(metric);
      Scan s = new Scan();
      for (Row r : rows) {
        if (r.step() < from || r.step() > to || (env != null && r.env() != env)) {
          continue;
        }
        s.count++;
        double v = r.values()[col];
        if (Double.isFinite(v)) {
          s.finite++;
          s.min = Math.min(s.min, v);
          s.max = Math.max(s.max, v);
          s.sum += v;
          if (Double.isNaN(s.first)) {
            s.first = v;
          }
          s.last = v;
        }
      }
      return s;
    }
  }
}
