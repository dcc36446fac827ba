package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders that try to make the catalog read outside its roots (links to other files, to
 * /etc/passwd, to a trace elsewhere) or hang it (a FIFO, /dev/zero, a huge file): nothing outside
 * the roots is read or echoed, and every other run is still listed.
 */
class RunRootsTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final String NOT_REGULAR = ": not a regular file (a FIFO, device or socket)";
  private static final String OUTSIDE = ": a link leading outside the run roots; not read";

  @TempDir static Path tmp;
  private static Path root;
  private static TraceStore store;
  private static RunCatalog catalog;

  @BeforeAll
  static void runs() throws Exception {
    root = tmp.resolve("runs");
    Path outside = tmp.resolve("outside");
    write(outside.resolve("secret.json"), "{\"algorithm\": \"secret-algo\", \"n_envs\": 7}");
    write(outside.resolve("notes.txt"), "password=hunter2\n");
    SampleRun.write(outside.resolve("elsewhere"), 500, 1, 5);
    Path foreignTrace =
        Files.list(outside.resolve("elsewhere"))
            .filter(p -> p.toString().endsWith("_actions.csv"))
            .findFirst()
            .orElseThrow();

    SampleRun.write(root.resolve("good"), 500, 1, 1);
    write(root.resolve("link-json/eval_summary.json"), "{\"sharpe\": 1.5}");
    link(root.resolve("link-json/experiment.json"), outside.resolve("secret.json"));
    write(root.resolve("link-passwd/policy.zip"), "zip");
    link(root.resolve("link-passwd/experiment.json"), Path.of("/etc/passwd"));
    link(root.resolve("link-passwd/eval_summary.json"), outside.resolve("notes.txt"));
    write(root.resolve(".shared/experiment.json"), "{\"algorithm\": \"PPO\"}");
    write(root.resolve("inside-link/policy.zip"), "zip");
    link(root.resolve("inside-link/experiment.json"), Path.of("../.shared/experiment.json"));
    write(root.resolve("link-trace/policy.zip"), "zip");
    link(root.resolve("link-trace/x_actions.csv"), foreignTrace);
    link(root.resolve("dir-link"), outside.resolve("elsewhere"));
    write(root.resolve("fifo/eval_summary.json"), "{\"sharpe\": 0.5}");
    fifo(root.resolve("fifo/experiment.json"));
    write(root.resolve("zero/experiment.json"), "{\"algorithm\": \"A2C\"}");
    link(root.resolve("zero/eval_summary.json"), Path.of("/dev/zero"));
    write(root.resolve("leaky/experiment.json"), "rootpassword:x:0:0:root:/root:/bin/bash\n");
    write(root.resolve("huge/eval_summary.json"), "{}");
    try (RandomAccessFile f =
        new RandomAccessFile(root.resolve("huge/experiment.json").toFile(), "rw")) {
      f.setLength(JsonFiles.MAX_BYTES + 1); // sparse: takes no disk space
    }
    store = new TraceStore(tmp.resolve("cache"));
    catalog = new RunCatalog(List.of(root), store);
  }

  @AfterAll
  static void close() {
    if (catalog != null) {
      catalog.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void link(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target);
  }

  private static void fifo(Path path) throws Exception {
    Files.createDirectories(path.getParent());
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is needed to make a FIFO");
  }

  private static Map<String, RunSummary> byName() {
    return assertTimeoutPreemptively(
        HANG_GUARD,
        () -> catalog.list().stream().collect(Collectors.toMap(RunSummary::name, r -> r)));
  }

  @Test
  void every_run_is_listed_and_bad_files_are_problems_on_their_own_run() {
    Map<String, RunSummary> runs = byName();
    assertThat(runs.keySet())
        .containsExactlyInAnyOrder(
            "good",
            "link-json",
            "link-passwd",
            "inside-link",
            "link-trace",
            "fifo",
            "zero",
            "leaky",
            "huge");
    assertThat(runs.get("good").problems()).isEmpty();
    assertThat(runs.get("good").algorithm()).isEqualTo("PPO");
    assertThat(runs.get("fifo").problems())
        .containsExactly("experiment.json" + NOT_REGULAR + "; not read");
    assertThat(runs.get("fifo").eval()).containsEntry("sharpe", 0.5);
    assertThat(runs.get("zero").problems()).containsExactly("eval_summary.json" + OUTSIDE);
    assertThat(runs.get("zero").algorithm()).isEqualTo("A2C");
    assertThat(runs.get("huge").problems())
        .singleElement()
        .asString()
        .startsWith("experiment.json: too large to read");
  }

  @Test
  void a_link_leading_out_of_the_roots_is_never_read() {
    RunSummary linkJson = byName().get("link-json");
    assertThat(linkJson.algorithm()).isNull();
    assertThat(linkJson.environments()).isNull();
    assertThat(linkJson.problems()).containsExactly("experiment.json" + OUTSIDE);
    assertThat(linkJson.artifacts())
        .extracting(Artifact::name)
        .containsExactly("eval_summary.json");
    RunDetail detail = catalog.detail("link-json").orElseThrow();
    assertThat(detail.experiment()).isNull();
    assertThat(detail.toString()).doesNotContain("secret-algo");

    RunSummary passwd = byName().get("link-passwd");
    assertThat(passwd.problems())
        .containsExactlyInAnyOrder("experiment.json" + OUTSIDE, "eval_summary.json" + OUTSIDE);
    assertThat(String.join("\n", passwd.problems())).doesNotContain("root:", "hunter2");

    RunSummary trace = byName().get("link-trace");
    assertThat(trace.problems()).containsExactly("x_actions.csv" + OUTSIDE);
    assertThat(catalog.get("link-trace").orElseThrow().trace()).isNull();
    assertThat(catalog.detail("link-trace").orElseThrow().trace()).isNull();
    assertThatThrownBy(() -> catalog.actions("link-trace", TraceQuery.of("equity")))
        .isInstanceOf(TraceReadException.class)
        .hasMessageContaining("no action trace");
  }

  @Test
  void a_link_to_a_file_inside_the_root_is_read() {
    RunSummary inside = byName().get("inside-link");
    assertThat(inside.problems()).isEmpty();
    assertThat(inside.algorithm()).isEqualTo("PPO");
    assertThat(inside.artifacts()).extracting(Artifact::name).contains("experiment.json");
  }

  @Test
  void malformed_json_is_located_without_repeating_what_the_file_holds() {
    RunSummary leaky = byName().get("leaky");
    assertThat(leaky.problems())
        .singleElement()
        .asString()
        .startsWith("experiment.json: malformed JSON at line 1, column ")
        .doesNotContain("rootpassword");
  }

  @Test
  void a_run_whose_files_take_too_long_is_listed_with_a_problem_and_the_others_are_not_held_up()
      throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (RunCatalog slow =
        new RunCatalog(
            List.of(root),
            store,
            Duration.ofSeconds(1),
            run -> {
              if (run.name().equals("good")) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return RunSummaries.read(run);
            })) {
      Map<String, RunSummary> runs =
          assertTimeoutPreemptively(
              HANG_GUARD,
              () -> slow.list().stream().collect(Collectors.toMap(RunSummary::name, r -> r)));
      assertThat(runs.get("good").problems())
          .containsExactly("reading the run's files took longer than 1 s; skipped");
      assertThat(runs.get("good").artifacts()).isNotEmpty();
      assertThat(runs.get("zero").algorithm()).isEqualTo("A2C");
      RunDetail detail = assertTimeoutPreemptively(HANG_GUARD, () -> slow.detail("good")).get();
      assertThat(detail.problems())
          .contains("reading the run's files took longer than 1 s; skipped");
      assertThat(detail.trace()).isNull();
    } finally {
      release.countDown();
    }
  }
}
