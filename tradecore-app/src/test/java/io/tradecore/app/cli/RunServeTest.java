package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --serve}: the REST API and the dashboard served by the process that trades. */
@Timeout(90)
class RunServeTest {
  private static final Pattern URL =
      Pattern.compile("serving the REST API and dashboard at (\\S+)");
  private static final int BARS = 30;

  @TempDir Path dir;

  @Test
  void run_serves_the_api_while_it_trades_and_stops_serving_after_the_feed() throws Exception {
    Workdir w = new Workdir(dir);
    w.ok("init");
    Path feed = w.zigzagFeed("SPY", BARS);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine(Clock.systemUTC(), w.env);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));

    // Paced at 20 bars a second, the feed takes about 1.5 s: long enough to ask while it trades.
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                cmd.execute(
                    "run",
                    "--portfolio",
                    "main",
                    "--strategy",
                    "sma-cross",
                    "--param",
                    "fast=2",
                    "--param",
                    "slow=4",
                    "--feed",
                    "replay:" + feed.toAbsolutePath(),
                    "--bars-per-second",
                    "20",
                    "--serve",
                    "--port",
                    "0",
                    "--exit-after-feed"));
    String url = awaitUrl(out, run);
    HttpResponse<String> health = get(url + "api/health");
    HttpResponse<String> portfolios = get(url + "api/portfolios");
    boolean tradingWhenAsked = !run.isDone();

    assertThat(run.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(portfolios.statusCode()).isEqualTo(200);
    assertThat(portfolios.body()).contains("\"main\"");
    assertThat(tradingWhenAsked)
        .as("the server answered while the feed was still replaying")
        .isTrue();
    assertThat(out.toString())
        .contains("applied " + BARS + " events")
        .doesNotContain("still serving");
    // --exit-after-feed: the server stopped with the command.
    try {
      HttpResponse<String> after = get(url + "api/health");
      assertThat(after.statusCode()).as("nothing should answer after the run").isNotEqualTo(200);
    } catch (ConnectException e) {
      // The expected outcome: nobody listens there any more.
    }
  }

  @Test
  void run_serve_on_a_taken_port_fails_before_it_trades() throws IOException {
    Workdir w = new Workdir(dir);
    w.ok("init");
    Path feed = w.zigzagFeed("SPY", BARS);
    String before = w.fingerprint();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli.Run run =
          w.run(
              "run",
              "--portfolio",
              "main",
              "--strategy",
              "sma-cross",
              "--feed",
              "replay:" + feed.toAbsolutePath(),
              "--serve",
              "--port",
              String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(run.out()).doesNotContain("trading portfolio");
    }
    assertThat(w.fingerprint()).isEqualTo(before);
  }

  private static String awaitUrl(StringWriter out, CompletableFuture<Integer> run)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher m = URL.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      if (run.isDone()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no URL printed; stdout so far:\n" + out);
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
