package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCatalogTest {
  @TempDir static Path tmp;
  private static Path root;
  private static Path other;
  private static TraceStore store;
  private static RunCatalog catalog;

  @BeforeAll
  static void runs() throws Exception {
    root = tmp.resolve("runs");
    SampleRun.write(root.resolve("ppo/btc-2026-11-01"), 2_000, 2, 1);
    write(root.resolve("ppo/eval-only/eval_summary.json"), "{\"sharpe\": 1.25, \"note\": \"x\"}");
    write(
        root.resolve("sac/nested-config/experiment.json"),
        "{\"config\": {\"algo\": \"SAC\", \"num_envs\": 16}, \"agent\": {\"policy\": {\"name\": \"x\"}}}");
    write(root.resolve("broken/experiment.json"), "{\"algorithm\": \"PPO\", \"n_envs\": ");
    write(
        root.resolve("broken/eval_summary.json"), "{\"sharpe\": NaN, \"mean_return_pct\": 0.0123}");
    write(root.resolve("garbage-trace/run_actions.csv"), "\u0000\u0001\u0002 not a csv");
    write(root.resolve("no-step/run_actions.csv"), "time,equity\n1,2\n");
    write(root.resolve("bad-parquet/run_actions.parquet"), "PAR1 but nothing else really");
    write(root.resolve("models-only/policy.onnx"), "onnx");
    write(root.resolve("not-a-run/readme.txt"), "hello");
    write(root.resolve(".hidden/experiment.json"), "{}");
    write(root.resolve("a/b/c/d/too-deep/experiment.json"), "{}");
    write(root.resolve("a/b/c/deep-enough/experiment.json"), "{}");
    other = tmp.resolve("other/runs");
    write(other.resolve("ppo/eval-only/eval_summary.json"), "{\"sharpe\": 2}");
    write(other.resolve("elsewhere/experiment.json"), "{\"algorithm\": \"DQN\"}");
    write(tmp.resolve("outside/experiment.json"), "{\"algorithm\": \"secret\"}");
    store = new TraceStore(tmp.resolve("cache"));
    catalog = new RunCatalog(List.of(root, other), store);
  }

  @AfterAll
  static void close() {
    catalog.close();
    store.close();
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Map<String, RunSummary> byName() {
    return catalog.list().stream().collect(Collectors.toMap(RunSummary::name, r -> r));
  }

  @Test
  void discoversRunFoldersUnderEveryRoot() {
    assertThat(byName().keySet())
        .containsExactlyInAnyOrder(
            "ppo/btc-2026-11-01",
            "0-runs/ppo/eval-only",
            "1-runs/ppo/eval-only",
            "sac/nested-config",
            "broken",
            "garbage-trace",
            "no-step",
            "bad-parquet",
            "models-only",
            "a/b/c/deep-enough",
            "elsewhere");
  }

  @Test
  void collidingNamesArePrefixedWithTheirRoot() {
    // Both roots are folders called "runs", so their index tells them apart too.
    assertThat(byName().get("0-runs/ppo/eval-only").eval()).containsEntry("sharpe", 1.25);
    assertThat(byName().get("1-runs/ppo/eval-only").eval()).containsEntry("sharpe", 2.0);
  }

  @Test
  void summariesStateAlgorithmPolicyEnvironmentsEvalAndArtifacts() {
    RunSummary s = byName().get("ppo/btc-2026-11-01");
    assertThat(s.algorithm()).isEqualTo("PPO");
    assertThat(s.policy()).isEqualTo("transformer");
    assertThat(s.environments()).isEqualTo(2);
    assertThat(s.eval()).containsKeys("mean_return_pct", "sharpe", "max_drawdown", "win_rate");
    assertThat(Math.abs(s.eval().get("mean_return_pct"))).isLessThan(1.0);
    assertThat(s.artifacts())
        .extracting(Artifact::name, Artifact::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("btc-2026-11-01_actions.csv", "trace"),
            org.assertj.core.groups.Tuple.tuple("eval_summary.json", "eval"),
            org.assertj.core.groups.Tuple.tuple("experiment.json", "experiment"),
            org.assertj.core.groups.Tuple.tuple("policy.zip", "model"),
            org.assertj.core.groups.Tuple.tuple("vecnormalize.pkl", "model"));
    assertThat(s.artifacts()).allSatisfy(a -> assertThat(a.sizeBytes()).isPositive());
    assertThat(s.modified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(s.problems()).isEmpty();
    RunSummary nested = byName().get("sac/nested-config");
    assertThat(nested.algorithm()).isEqualTo("SAC");
    assertThat(nested.environments()).isEqualTo(16);
    assertThat(byName().get("0-runs/ppo/eval-only").eval()).doesNotContainKey("note");
  }

  @Test
  void malformedJsonAndUnreadableTracesAreProblemsOnTheRun() {
    Map<String, RunSummary> runs = byName();
    RunSummary broken = runs.get("broken");
    assertThat(broken.problems())
        .singleElement()
        .asString()
        .startsWith("experiment.json: malformed JSON");
    assertThat(broken.algorithm()).isNull();
    // Python writes NaN; it is read, and left out of the headline figures.
    assertThat(broken.eval()).containsExactly(Map.entry("mean_return_pct", 0.0123));
    assertThat(runs.get("garbage-trace").problems())
        .singleElement()
        .asString()
        .contains("run_actions.csv: unreadable trace");
    assertThat(runs.get("no-step").problems())
        .singleElement()
        .asString()
        .contains("no step column");
    assertThat(runs.get("bad-parquet").problems())
        .singleElement()
        .asString()
        .contains("run_actions.parquet");
    assertThat(runs.get("models-only").problems()).isEmpty();
  }

  @Test
  void detailHasTheStoredJsonAndTheTracesShape() {
    RunDetail d = catalog.detail("ppo/btc-2026-11-01").orElseThrow();
    assertThat(d.experiment().get("algorithm").asText()).isEqualTo("PPO");
    assertThat(d.experiment().get("n_envs").asInt()).isEqualTo(2);
    assertThat(d.evalSummary().get("mean_return_pct").isNumber()).isTrue();
    TraceInfo t = d.trace();
    assertThat(t.file()).isEqualTo("btc-2026-11-01_actions.csv");
    assertThat(t.format()).isEqualTo("csv");
    assertThat(t.columns())
        .containsExactly(
            "step",
            "env",
            "timestamp",
            "price",
            "action",
            "position",
            "cash",
            "equity",
            "reward",
            "drawdown");
    assertThat(t.numericColumns())
        .containsExactly("price", "action", "position", "cash", "equity", "reward", "drawdown");
    assertThat(t.rowCount()).isEqualTo(2_000);
    assertThat(t.envIds()).containsExactly(0L, 1L);
    assertThat(t.minStep()).isZero();
    assertThat(t.maxStep()).isEqualTo(999);
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void detailOfBrokenRunsReportsProblemsInsteadOfFailing() {
    RunDetail broken = catalog.detail("broken").orElseThrow();
    assertThat(broken.experiment()).isNull();
    assertThat(broken.evalSummary().get("sharpe").asText()).isEqualTo("nan");
    assertThat(broken.trace()).isNull();
    RunDetail garbage = catalog.detail("garbage-trace").orElseThrow();
    assertThat(garbage.trace()).isNull();
    assertThat(garbage.problems()).hasSize(1);
    RunDetail badParquet = catalog.detail("bad-parquet").orElseThrow();
    assertThat(badParquet.trace()).isNull();
    assertThat(badParquet.problems()).isNotEmpty();
  }

  @Test
  void actionsQueryTheRunsTrace() {
    TraceResult r = catalog.actions("ppo/btc-2026-11-01", TraceQuery.of("equity")).orElseThrow();
    assertThat(r.series()).hasSize(2);
    assertThat(r.series().get(0).size()).isEqualTo(1_000);
    assertThatThrownBy(() -> catalog.actions("models-only", TraceQuery.of("equity")))
        .isInstanceOf(TraceReadException.class)
        .hasMessageContaining("no action trace");
  }

  @Test
  void namesThatAreNotDiscoveredRunsResolveToNothing() {
    List<String> names =
        List.of(
            "../x",
            "..%2F",
            "..%2Foutside",
            "../outside",
            "../../outside",
            "ppo/../../outside",
            "a/../../b",
            "ppo/btc-2026-11-01/..",
            "ppo/btc-2026-11-01/",
            "/ppo/btc-2026-11-01",
            "./ppo/btc-2026-11-01",
            "ppo//btc-2026-11-01",
            "ppo\\btc-2026-11-01",
            root.resolve("ppo/btc-2026-11-01").toString(),
            tmp.resolve("outside").toString(),
            "/etc",
            "/etc/passwd",
            "outside",
            "ppo",
            "nope",
            "",
            "x".repeat(10_000));
    for (String name : names) {
      assertThat(catalog.get(name)).as(name).isEmpty();
      assertThat(catalog.detail(name)).as(name).isEmpty();
      assertThat(catalog.actions(name, TraceQuery.of("equity"))).as(name).isEmpty();
    }
    assertThat(catalog.get(null)).isEmpty();
  }

  @Test
  void rootsWithDifferentFolderNamesPrefixCollisionsWithTheirNames() throws Exception {
    Path a = tmp.resolve("lab-a/results");
    Path b = tmp.resolve("lab-b/gpu-box");
    write(a.resolve("ppo/seed-1/experiment.json"), "{\"algo\": \"PPO\"}");
    write(b.resolve("ppo/seed-1/experiment.json"), "{\"algo\": \"A2C\"}");
    write(b.resolve("ppo/seed-2/experiment.json"), "{}");
    try (RunCatalog c = new RunCatalog(List.of(a, b), store)) {
      assertThat(c.list())
          .extracting(RunSummary::name, RunSummary::algorithm)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("gpu-box/ppo/seed-1", "A2C"),
              org.assertj.core.groups.Tuple.tuple("ppo/seed-2", null),
              org.assertj.core.groups.Tuple.tuple("results/ppo/seed-1", "PPO"));
      assertThat(c.get("ppo/seed-1")).isEmpty();
      assertThat(c.get("results/ppo/seed-1").orElseThrow().dir())
          .isEqualTo(a.resolve("ppo/seed-1").toAbsolutePath());
    }
  }

  @Test
  void theDefaultCatalogCachesUnderTheTempFolder() {
    try (RunCatalog c = new RunCatalog(List.of(root))) {
      assertThat(c.traces().cacheDir())
          .isEqualTo(
              Path.of(System.getProperty("java.io.tmpdir"), "tradecore-insights-cache")
                  .toAbsolutePath()
                  .normalize());
      assertThat(c.list()).isNotEmpty();
    }
  }

  @Test
  void aRootThatIsARunIsNamedAfterItsFolder() throws Exception {
    Path single = tmp.resolve("single-run");
    write(single.resolve("experiment.json"), "{\"algo\": \"A2C\"}");
    try (RunCatalog c = new RunCatalog(List.of(single, tmp.resolve("missing-root")), store)) {
      assertThat(c.list())
          .extracting(RunSummary::name, RunSummary::algorithm)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("single-run", "A2C"));
      assertThat(c.get("single-run")).isPresent();
    }
  }
}
