package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --serve} and {@code serve} on a port something else listens on: what a user sees on
 * the real process's stderr is one error line, with no log line or stack trace of the web server.
 */
class TakenPortTest {
  private static final Duration TIMEOUT = RunnerWaits.TIMEOUT;

  @TempDir Path dir;
  private CliLauncher launcher;

  @AfterEach
  void tearDown() {
    if (launcher != null) {
      launcher.close();
    }
  }

  @Test
  void run_serve_and_serve_on_a_taken_port_print_one_error_line() throws Exception {
    launcher = new CliLauncher(dir, Map.of("TRADECORE_DATA_DIR", dir.resolve("data").toString()));
    assertThat(launcher.start("init", List.of("init")).awaitExit(TIMEOUT)).isZero();
    Path feed =
        Files.writeString(
            dir.resolve("spy.csv"),
            "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,11,9,10.5,10.5,1000\n");

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      CliProcess run =
          launcher.start(
              "run-serve",
              List.of(
                  "run",
                  "--portfolio",
                  "main",
                  "--strategy",
                  "sma-cross",
                  "--feed",
                  "replay:" + feed,
                  "--serve",
                  "--port",
                  port));
      CliProcess serve = launcher.start("serve", List.of("serve", "--port", port));

      for (CliProcess p : List.of(run, serve)) {
        assertThat(p.awaitExit(TIMEOUT)).as(p::describe).isEqualTo(1);
        assertThat(p.stderr().lines())
            .as(p::describe)
            .containsExactly(
                "error: cannot listen on 127.0.0.1:"
                    + port
                    + ": the port is in use by another program");
        // The test class path logs to stdout (the app's own logback.xml logs to stderr): no error
        // may be logged there either.
        assertThat(p.stdout())
            .as(p::describe)
            .doesNotContain("trading portfolio")
            .doesNotContain("ERROR");
      }
    }
  }
}
