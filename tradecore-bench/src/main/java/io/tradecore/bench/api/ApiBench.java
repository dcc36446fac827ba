package io.tradecore.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * REST API load: seeds a SQLite database with one portfolio of {@code --fills} fills through the
 * store's repositories, starts the web server in its own JVM (as {@code ./tradecore serve} would,
 * see {@link ApiServer}), warms it up, then puts {@code --connections} concurrent connections of
 * closed-loop load on each endpoint in turn: the portfolio summary, the newest page of fills and
 * one day's page of fills. Load comes from wrk when it is installed, else from java.net.http with
 * one virtual thread per connection. The last lines printed are, per endpoint, {@code api
 * endpoint=E connections=C rps=N p99_ms=X}.
 *
 * <p>Options: {@code --fills N} (100000), {@code --connections C} (64), {@code --threads T} (wrk
 * threads, 2), {@code --seconds S} (15 per endpoint), {@code --warmup W} (20 per endpoint,
 * discarded), {@code --client auto|wrk|java} (auto), {@code --day yyyy-mm-dd} (2024-03-15), {@code
 * --seed N} (20261121), {@code --data DIR} (bench/target/api), {@code --endpoints
 * summary,fills,fills_by_day} (a subset to profile one). JVM options of the server: the system
 * property {@code tradecore.bench.server.opts}; a {@code logback.configurationFile} property is
 * passed on to it.
 */
public final class ApiBench {
  private static final double GOAL_P99_MS = 50;

  private ApiBench() {}

  private record Endpoint(String name, String path) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int fills = Integer.parseInt(o.get("fills"));
    int connections = Integer.parseInt(o.get("connections"));
    int threads = Integer.parseInt(o.get("threads"));
    int seconds = Integer.parseInt(o.get("seconds"));
    int warmup = Integer.parseInt(o.get("warmup"));
    long seed = Long.parseLong(o.get("seed"));
    LocalDate day = LocalDate.parse(o.get("day"));
    String client = o.get("client");
    Path dir = Path.of(o.get("data")).toAbsolutePath();
    if (fills < 10 || connections < 1 || threads < 1 || seconds < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "need --fills >= 10, --connections >= 1, --threads >= 1, --seconds >= 1, --warmup >= 0");
    }
    boolean wrk =
        switch (client) {
          case "wrk" -> {
            if (!WrkLoad.available()) {
              throw new IllegalStateException("--client wrk but wrk is not installed");
            }
            yield true;
          }
          case "java" -> false;
          case "auto" -> WrkLoad.available();
          default -> throw new IllegalArgumentException("--client is auto, wrk or java");
        };

    say(
        "java %s on %d cores, load average %s",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());

    // 1. The database.
    Files.createDirectories(dir);
    Path file = dir.resolve("api.db");
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(dir.resolve("api.db" + suffix));
    }
    String url = "jdbc:sqlite:" + file;
    long t0 = System.nanoTime();
    PortfolioRecord record;
    try (Database db = Database.open(url, null, null, 2)) {
      db.migrate();
      record = ApiSeed.seed(db, fills, seed);
    }
    say(
        "seeded %s: portfolio '%s' with %d fills of %d instruments in one transaction in %.1f s"
            + " (%d MiB)",
        file,
        record.name(),
        fills,
        ApiSeed.INSTRUMENTS.size(),
        (System.nanoTime() - t0) / 1e9,
        Files.size(file) >> 20);

    // 2. The server, in its own JVM.
    Path log = dir.resolve("server.log");
    Process server = startServer(dir, url, log);
    try {
      String base = awaitUrl(server, log);
      base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      say("server pid %d at %s (its log: %s)", server.pid(), base, log);
      String one = base + "/api/portfolios/" + record.name();
      List<Endpoint> all =
          List.of(
              new Endpoint("summary", one),
              new Endpoint("fills", one + "/fills?limit=100"),
              new Endpoint("fills_by_day", one + "/fills?day=" + day + "&limit=100"));
      List<String> only = List.of(o.get("endpoints").split(","));
      List<Endpoint> endpoints = all.stream().filter(e -> only.contains(e.name())).toList();
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("--endpoints names none of summary,fills,fills_by_day");
      }
      check(endpoints, fills);

      // 3. Warm-up, discarded, then the timed runs.
      WrkLoad wrkLoad = new WrkLoad(threads);
      JavaLoad javaLoad = wrk ? null : new JavaLoad();
      if (warmup > 0) {
        for (Endpoint e : endpoints) {
          LoadResult r =
              wrk
                  ? wrkLoad.run(e.path(), connections, warmup)
                  : javaLoad.run(e.path(), connections, warmup);
          say("warm-up %s (discarded): %s", e.name(), r.describe());
        }
      }
      Map<String, LoadResult> results = new LinkedHashMap<>();
      String loadBefore = loadAverage();
      for (Endpoint e : endpoints) {
        Duration cpu0 = cpu(server);
        long w0 = System.nanoTime();
        LoadResult r =
            wrk
                ? wrkLoad.run(e.path(), connections, seconds)
                : javaLoad.run(e.path(), connections, seconds);
        double wall = (System.nanoTime() - w0) / 1e9;
        double serverCpu = cpu(server).minus(cpu0).toNanos() / 1e9;
        results.put(e.name(), r);
        say(
            "%s GET %s: %s; server CPU %.2f cores, %.0f us a request; load average %s",
            e.name(),
            e.path().substring(base.length()),
            r.describe(),
            serverCpu / wall,
            serverCpu * 1e6 / Math.max(1, r.requests()),
            loadAverage());
      }
      String loadAfter = loadAverage();
      say("load average before the timed runs %s, after %s", loadBefore, loadAfter);
      long errors = results.values().stream().mapToLong(LoadResult::errors).sum();
      boolean met = results.values().stream().allMatch(r -> r.p99Ms() < GOAL_P99_MS);
      say(
          "goal p99 < %.0f ms at %d connections: %s",
          GOAL_P99_MS, connections, met ? "met" : "missed");
      stop(server);
      results.forEach(
          (name, r) ->
              System.out.printf(
                  Locale.ROOT,
                  "api endpoint=%s connections=%d rps=%.0f p99_ms=%.2f%n",
                  name,
                  connections,
                  r.rps(),
                  r.p99Ms()));
      if (errors > 0) {
        say("%d requests failed during the timed runs", errors);
        System.exit(1);
      }
    } finally {
      if (server.isAlive()) {
        stop(server);
      }
    }
  }

  private static Process startServer(Path dir, String url, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      cmd.add("-Dlogback.configurationFile=" + logback);
    }
    String opts = System.getProperty("tradecore.bench.server.opts", "").strip();
    if (!opts.isEmpty()) {
      cmd.addAll(List.of(opts.split("\\s+")));
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ApiServer.class.getName(),
            dir.toString(),
            url));
    say(
        "server command: %s",
        String.join(" ", cmd.subList(0, cmd.size() - 5))
            + " -cp ... "
            + ApiServer.class.getSimpleName()
            + " "
            + dir
            + " "
            + url);
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
  }

  /** Waits for the server's ready line; fails with the end of its log if it exits first. */
  private static String awaitUrl(Process server, Path log) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith(ApiServer.READY)) {
                    return line.substring(ApiServer.READY.length()).strip();
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String url;
    try {
      url = ready.get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      url = null;
    }
    if (url == null) {
      String tail = Files.exists(log) ? Files.readString(log) : "";
      tail = tail.length() > 4000 ? tail.substring(tail.length() - 4000) : tail;
      throw new IllegalStateException("the API server did not start; its log ends:\n" + tail);
    }
    return url;
  }

  /** One request to each endpoint: 200, and the fills the portfolio should have. */
  private static void check(List<Endpoint> endpoints, int fills) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    for (Endpoint e : endpoints) {
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(e.path())).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(e.path() + " answered " + r.statusCode() + ": " + r.body());
      }
      JsonNode body = json.readTree(r.body());
      String what;
      if (e.name().equals("summary")) {
        long n = body.path("summary").path("fills").asLong(-1);
        if (n != fills) {
          throw new IllegalStateException("the summary counts " + n + " fills, not " + fills);
        }
        what =
            String.format(
                Locale.ROOT,
                "%d fills, equity %s, %d open positions",
                n,
                body.path("summary").path("equity").asText(),
                body.path("summary").path("open_positions").asInt());
      } else {
        long total = body.path("total").asLong(-1);
        int items = body.path("items").size();
        if (e.name().equals("fills") && total != fills) {
          throw new IllegalStateException(
              "the fills page counts " + total + " fills, not " + fills);
        }
        if (total <= 0) {
          throw new IllegalStateException(e.path() + " matched no fills: " + r.body());
        }
        what = String.format(Locale.ROOT, "total %d, %d on the page", total, items);
      }
      say(
          "first request %s: 200 in %.1f ms, %d bytes: %s",
          e.name(), ms, r.body().getBytes(StandardCharsets.UTF_8).length, what);
    }
  }

  private static void stop(Process server) throws InterruptedException {
    try {
      server.getOutputStream().close(); // ApiServer stops when its standard input closes
    } catch (IOException e) {
      // already gone
    }
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static Duration cpu(Process p) {
    return p.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("fills", "100000");
    o.put("connections", "64");
    o.put("threads", "2");
    o.put("seconds", "15");
    o.put("warmup", "20");
    o.put("client", "auto");
    o.put("day", "2024-03-15");
    o.put("seed", "20261121");
    o.put("data", "bench/target/api");
    o.put("endpoints", "summary,fills,fills_by_day");
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (key == null || !o.containsKey(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "unknown option or missing value: "
                + args[i]
                + " (options: --"
                + String.join(" --", o.keySet())
                + ")");
      }
      o.put(key, args[++i]);
    }
    return o;
  }

  private static void say(String format, Object... args) {
    System.out.println("api: " + String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
