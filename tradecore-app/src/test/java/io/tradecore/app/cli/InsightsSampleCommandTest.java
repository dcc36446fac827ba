package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insights sample} says what the trace it wrote holds: rows, steps per env and envs. */
class InsightsSampleCommandTest {
  @TempDir Path tmp;

  @Test
  void the_rows_are_spread_over_the_envs_and_the_message_says_so() throws IOException {
    Path out = tmp.resolve("ppo-sample");

    Cli.Run run =
        Cli.run("insights", "sample", "--rows", "1000", "--envs", "4", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("1,000 rows: 250 steps x 4 envs)");
    List<String[]> rows = trace(out);
    assertThat(rows).hasSize(1000);
    assertThat(rows.stream().map(r -> r[1]).distinct()).containsExactly("0", "1", "2", "3");
    assertThat(rows.getLast()[0]).as("the last step").isEqualTo("249");
  }

  @Test
  void rows_that_do_not_divide_by_the_envs_end_on_a_short_step() throws IOException {
    Path out = tmp.resolve("odd");

    Cli.Run run =
        Cli.run("insights", "sample", "--rows", "10", "--envs", "4", "--out", out.toString());

    assertThat(run.out()).contains("10 rows: 3 steps x 4 envs, the last step in 2 of them)");
    List<String[]> rows = trace(out);
    assertThat(rows).hasSize(10);
    assertThat(rows.stream().filter(r -> r[0].equals("2"))).hasSize(2);
  }

  private static List<String[]> trace(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      Path csv = files.filter(f -> f.toString().endsWith("_actions.csv")).findFirst().orElseThrow();
      List<String> lines = Files.readAllLines(csv);
      return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }
  }
}
