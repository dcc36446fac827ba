package io.tradecore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache holds what its training run loaded and profiled, and a training
 * command that fails is skipped silently: every command must succeed, and the durable replay (with
 * its daily logs) must apply every bar.
 */
class StartupTrainingTest {
  @TempDir Path dir;

  @Test
  void every_training_command_succeeds_in_its_own_workspace() throws Exception {
    List<StartupTraining.Step> steps = StartupTraining.train(dir);

    assertThat(steps)
        .allSatisfy(
            step -> assertThat(step.exitCode()).as("%s: %s", step.command(), step.err()).isZero());
    assertThat(output(steps, "run"))
        .contains(String.format("applied %,d events", StartupTraining.REPLAY_BARS));
    // The replay wrote its daily logs into the training's own workspace, not the current folder's.
    try (var files = Files.list(dir.resolve("data/logs"))) {
      assertThat(files).isNotEmpty();
    }
  }

  private static String output(List<StartupTraining.Step> steps, String command) {
    return steps.stream()
        .filter(s -> s.command().getFirst().equals(command))
        .findFirst()
        .orElseThrow()
        .out();
  }
}
