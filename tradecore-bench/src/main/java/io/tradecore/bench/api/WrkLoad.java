package io.tradecore.bench.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Load from wrk ({@code wrk -tT -cC -dDs --latency URL}), its report parsed. */
final class WrkLoad {
  private static final Pattern REQUESTS =
      Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s*([\\d.]+)");
  private static final Pattern LATENCY =
      Pattern.compile("Latency\\s+([\\d.]+(?:us|ms|s|m))\\s+\\S+\\s+([\\d.]+(?:us|ms|s|m))");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private final int threads;

  WrkLoad(int threads) {
    this.threads = threads;
  }

  /** True when {@code wrk} runs. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor();
      return true; // wrk --version exits 1 after printing its version
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs wrk for {@code seconds} with {@code connections} connections; returns its report. */
  String runRaw(String url, int connections, int seconds) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t" + Math.min(threads, connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                url)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException("wrk exited " + rc + ":\n" + out);
    }
    return out;
  }

  LoadResult run(String url, int connections, int seconds)
      throws IOException, InterruptedException {
    return parse(runRaw(url, connections, seconds));
  }

  /** Reads wrk's report (with {@code --latency}). */
  static LoadResult parse(String out) {
    Matcher requests = find(REQUESTS, out);
    Matcher latency = find(LATENCY, out);
    long errors = 0;
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    return new LoadResult(
        "wrk",
        Long.parseLong(requests.group(1)),
        millis(requests.group(2) + requests.group(3)) / 1000,
        Double.parseDouble(find(RPS, out).group(1)),
        percentile(out, "50%"),
        percentile(out, "90%"),
        percentile(out, "99%"),
        millis(latency.group(2)),
        errors);
  }

  private static double percentile(String out, String label) {
    return millis(find(Pattern.compile("\\s" + Pattern.quote(label) + "\\s+(\\S+)"), out).group(1));
  }

  private static Matcher find(Pattern p, String out) {
    Matcher m = p.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no match for " + p + " in wrk's output:\n" + out);
    }
    return m;
  }

  /** A wrk duration ({@code 850.00us}, {@code 4.90ms}, {@code 1.02s}, {@code 1.50m}) in ms. */
  static double millis(String text) {
    Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalStateException("not a wrk duration: " + text);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "ms" -> v;
      case "s" -> v * 1000;
      default -> v * 60_000;
    };
  }
}
