package io.tradecore.web.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.insights.SampleRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders that used to take the API down or leak files (a FIFO named experiment.json, a link to
 * /dev/zero, a link to /etc/passwd): the run list still answers, with a problem on each bad run,
 * and so does everything else while many run lists are asked for at once.
 */
class BadRunFoldersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HANG_GUARD = Duration.ofSeconds(90);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path tmp;

  @Test
  void a_fifo_a_device_and_links_out_of_the_roots_leave_the_api_answering() throws Exception {
    Path root = tmp.resolve("runs");
    SampleRun.write(root.resolve("good"), 500, 1, 1);
    Files.createDirectories(root.resolve("fifo"));
    Files.writeString(root.resolve("fifo/eval_summary.json"), "{\"sharpe\": 1}");
    Process mkfifo =
        new ProcessBuilder("mkfifo", root.resolve("fifo/experiment.json").toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a FIFO");
    Files.createDirectories(root.resolve("zero"));
    Files.writeString(root.resolve("zero/experiment.json"), "{\"algorithm\": \"A2C\"}");
    Files.createSymbolicLink(root.resolve("zero/eval_summary.json"), Path.of("/dev/zero"));
    Files.createDirectories(root.resolve("passwd"));
    Files.writeString(root.resolve("passwd/policy.zip"), "zip");
    Files.createSymbolicLink(root.resolve("passwd/experiment.json"), Path.of("/etc/passwd"));

    try (InsightsServer server = InsightsServer.start(tmp, root)) {
      String base = server.url();
      assertTimeoutPreemptively(
          HANG_GUARD,
          () -> {
            List<CompletableFuture<HttpResponse<String>>> lists = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
              lists.add(
                  client.sendAsync(get(base + "api/runs"), HttpResponse.BodyHandlers.ofString()));
            }
            HttpResponse<String> health =
                client.send(get(base + "api/health"), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            for (CompletableFuture<HttpResponse<String>> f : lists) {
              assertThat(f.get().statusCode()).isEqualTo(200);
            }
            JsonNode runs = JSON.readTree(lists.get(0).get().body()).get("runs");
            assertThat(runs).hasSize(4);
            String body = lists.get(0).get().body();
            assertThat(body)
                .contains("experiment.json: not a regular file")
                .contains("eval_summary.json: a link leading outside the run roots")
                .contains("experiment.json: a link leading outside the run roots")
                .doesNotContain("root:");
            HttpResponse<String> detail =
                client.send(get(base + "api/runs/passwd"), HttpResponse.BodyHandlers.ofString());
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(detail.body()).get("experiment").isNull()).isTrue();
            assertThat(detail.body()).doesNotContain("root:");
          });
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(HANG_GUARD).GET().build();
  }
}
