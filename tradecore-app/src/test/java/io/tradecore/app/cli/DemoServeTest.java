package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the demo serves its dashboard: on the port asked for, or the next free one. */
@Timeout(60)
class DemoServeTest {
  @TempDir Path tmp;

  @Test
  void a_taken_port_moves_the_dashboard_to_the_next_free_one() throws Exception {
    TradeCoreConfig config =
        TradeCoreConfig.load(null, Map.of("TRADECORE_DATA_DIR", tmp.toString()), tmp);
    try (Workspace ws = Workspace.open(config, Workspace.Need.CREATE);
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ws.db().migrate();
      WebConfig asked = WebConfig.of(null, taken.getLocalPort(), Map.of());

      WebServer server =
          Serving.startNear(
              asked, Serving.DEMO_PORT_TRIES, ws.db(), config, Clock.systemUTC(), List.of());
      try {
        assertThat(server.port()).isGreaterThan(taken.getLocalPort());
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(get(server.url() + "api/health").statusCode()).isEqualTo(200);
      } finally {
        server.stop();
      }

      // With one try, as run --serve asks, a taken port is an error that names it.
      assertThatThrownBy(
              () -> Serving.startNear(asked, 1, ws.db(), config, Clock.systemUTC(), List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(":" + taken.getLocalPort());
    }
  }

  @Test
  void demo_refuses_a_port_out_of_range() {
    Cli.Run run = Cli.run("demo", "--out", tmp.resolve("demo").toString(), "--port", "70000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--port 70000 is out of range");
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
