package io.tradecore.web.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.insights.SampleRun;
import io.tradecore.web.insights.InsightsServer.Reply;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/run-sweep/{run}: a sweep's trials for the heat map, listed among the runs. */
class SweepApiTest {
  @TempDir static Path tmp;
  private static InsightsServer server;

  @BeforeAll
  static void start() throws IOException {
    Path root = tmp.resolve("runs");
    SweepRuns.write(root.resolve("sweeps/grid"), false);
    SampleRun.write(root.resolve("ppo/run-a"), 1_000, 1, 3);
    server = InsightsServer.start(tmp, root);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_sweep_is_a_run_of_the_list_and_its_trials_are_served() {
    JsonNode runs = server.get("/api/runs").json().get("runs");
    JsonNode sweep = null;
    for (JsonNode run : runs) {
      if (run.get("name").asText().equals("sweeps/grid")) {
        sweep = run;
      }
    }
    assertThat(sweep).as(runs.toString()).isNotNull();
    assertThat(sweep.get("algorithm").asText()).isEqualTo("optimize:grid");

    Reply answer = server.get("/api/run-sweep/sweeps/grid");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("axes").toString()).isEqualTo("[\"fast\",\"slow\"]");
    assertThat(body.get("trials")).hasSize(5 + 5 + 4 + 3 + 2); // fast 2..6 below slow 4..8
    assertThat(body.get("trials").get(0).get("objective").asDouble())
        .isEqualTo(SweepRuns.objective(2, 4));
  }

  @Test
  void a_run_that_is_no_sweep_and_an_unknown_run_are_not_found() {
    assertThat(server.get("/api/run-sweep/ppo/run-a").status()).isEqualTo(404);
    assertThat(server.get("/api/run-sweep/ppo/run-a").json().toString()).contains("is not a sweep");
    assertThat(server.get("/api/run-sweep/nope").status()).isEqualTo(404);
  }
}
