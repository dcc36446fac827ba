package io.tradecore.web.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.insights.SampleRun;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.TestDatabases;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/run-sweep/{run}: a sweep's trials for the heat map, listed among the runs. */
class SweepApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  private static Database db;
  private static WebServer server;

  @BeforeAll
  static void start() throws IOException {
    Path root = tmp.resolve("runs");
    SweepRuns.write(root.resolve("sweeps/grid"), false);
    SampleRun.write(root.resolve("ppo/run-a"), 1_000, 1, 3);
    db = TestDatabases.open(Dialect.SQLITE);
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    TradeCoreConfig cfg = TradeCoreConfig.load(null, Map.of(), data);
    WebConfig config =
        WebConfig.defaults()
            .withPort(0)
            .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(15));
    server = WebServer.start(config, db, cfg, Clock.systemUTC(), List.of(root));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    if (db != null) {
      TestDatabases.dispose(db);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_sweep_is_a_run_of_the_list_and_its_trials_are_served() throws Exception {
    JsonNode runs = JSON.readTree(get("api/runs").body()).get("runs");
    JsonNode sweep = null;
    for (JsonNode run : runs) {
      if (run.get("name").asText().equals("sweeps/grid")) {
        sweep = run;
      }
    }
    assertThat(sweep).as(runs.toString()).isNotNull();
    assertThat(sweep.get("algorithm").asText()).isEqualTo("optimize:grid");

    HttpResponse<String> answer = get("api/run-sweep/sweeps/grid");
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("axes").toString()).isEqualTo("[\"fast\",\"slow\"]");
    assertThat(body.get("trials")).hasSize(5 + 5 + 4 + 3 + 2); // fast 2..6 below slow 4..8
    assertThat(body.get("trials").get(0).get("objective").asDouble())
        .isEqualTo(SweepRuns.objective(2, 4));
  }

  @Test
  void a_run_that_is_no_sweep_and_an_unknown_run_are_not_found() throws Exception {
    assertThat(get("api/run-sweep/ppo/run-a").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get("api/run-sweep/ppo/run-a").body()).toString())
        .contains("is not a sweep");
    assertThat(get("api/run-sweep/nope").statusCode()).isEqualTo(404);
  }
}
