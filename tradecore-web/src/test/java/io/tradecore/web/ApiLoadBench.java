package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.Instrument;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.TestDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A load benchmark of the API, for later wiring into {@code bench/run api}: a SQLite portfolio with
 * 100,000 fills, 64 concurrent clients, requests/s and latency percentiles for the summary and
 * fills endpoints, written to target/bench-api.txt. Runs only with {@code
 * -Dtradecore.bench.api=true}; {@code -Dtradecore.bench.seconds=N} sets each endpoint's duration.
 */
class ApiLoadBench {
  static final int FILLS = 100_000;
  static final int CLIENTS = Integer.getInteger("tradecore.bench.clients", 64);

  @Test
  void summary_and_fills_under_64_concurrent_clients() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("tradecore.bench.api"), "set -Dtradecore.bench.api=true to run");
    int seconds = Integer.getInteger("tradecore.bench.seconds", 10);
    // Request logs go through Surefire's console pipe here, which would be measured instead.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.tradecore.web.requests"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Database db = Database.open(TestDatabases.sqliteUrl(), null, null, 16);
    db.migrate();
    Path dir = Files.createTempDirectory("bench");
    try {
      PortfolioRecord record = seed(db);
      TradeCoreConfig cfg = TradeCoreConfig.load(null, Map.of(), dir);
      try (WebServer server =
          WebServer.start(WebConfig.defaults().withPort(0), db, cfg, Clock.systemUTC())) {
        Http http = new Http(server.url(), null);
        boolean wrk = hasWrk();
        String base = "/api/portfolios/" + record.name();
        StringBuilder report =
            new StringBuilder(
                String.format(
                    "API load: %,d fills, %d connections, %d s per endpoint, %s, client %s%n",
                    FILLS, CLIENTS, seconds, db.dialect(), wrk ? "wrk" : "java.net.http"));
        for (String path :
            List.of(
                "/api/health",
                base,
                base + "/fills?limit=100",
                base + "/fills?day=2024-03-15&limit=100")) {
          run(http, path, 2); // warm-up
          report
              .append(wrk ? wrk(server.url(), path, seconds) : run(http, path, seconds))
              .append('\n');
        }
        Path out = Path.of("target", "bench-api.txt");
        Files.writeString(out, report);
        System.out.print(report);
      }
    } finally {
      db.close();
    }
  }

  private static boolean hasWrk() {
    if ("java".equals(System.getProperty("tradecore.bench.client"))) {
      return false;
    }
    try {
      return new ProcessBuilder("wrk", "--version").start().waitFor() >= 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs wrk (two threads) at the path and reads its requests/s and latency percentiles. */
  private static String wrk(String url, String path, int seconds) throws Exception {
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + CLIENTS,
                "-d" + seconds + "s",
                "--latency",
                url.substring(0, url.length() - 1) + path)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).as(out).doesNotContain("Non-2xx");
    return String.format(
        "GET %-55s %10s req/s  p50 %8s  p99 %8s",
        path, field(out, "Requests/sec:"), field(out, "50%"), field(out, "99%"));
  }

  private static String field(String wrkOutput, String label) {
    for (String line : wrkOutput.split("\n")) {
      String t = line.strip();
      if (t.startsWith(label)) {
        return t.substring(label.length()).strip();
      }
    }
    throw new AssertionError("no " + label + " in wrk output:\n" + wrkOutput);
  }

  /**
   * A portfolio with {@value #FILLS} alternating buys and sells of one instrument over 200 days.
   */
  private static PortfolioRecord seed(Database db) {
    PortfolioRecord record =
        new Portfolios(db)
            .create(
                "bench",
                PortfolioSettings.DEFAULTS,
                Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
    Instrument acme = new Instrument("ACME", "USD", 2, 0);
    db.jdbi().useTransaction(h -> new InstrumentRepository().ensure(h, acme));
    long start = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
    db.jdbi()
        .useTransaction(
            h -> {
              PreparedBatch batch =
                  h.prepareBatch(
                      "INSERT INTO fills (portfolio_id, trade_id, seq, client_order_id, plan_id,"
                          + " run_id, symbol, side, quantity, price, fee, time_ms, bot_version,"
                          + " source) VALUES (:p, :trade, :seq, :order, NULL, NULL, 'ACME', :side,"
                          + " '10', :price, '0.10', :time, :version, 'import')");
              for (int i = 1; i <= FILLS; i++) {
                batch
                    .bind("p", record.id().value())
                    .bind("trade", "T" + i)
                    .bind("seq", (long) i)
                    .bind("order", "o" + i)
                    .bind("side", i % 2 == 1 ? "BUY" : "SELL")
                    .bind("price", (100 + (i % 7)) + ".25")
                    .bind("time", start + i * 170_000L) // ~500 a day over 200 days
                    .bind("version", i < FILLS / 2 ? "v1" : "v2")
                    .add();
              }
              batch.execute();
            });
    return record;
  }

  private static String run(Http http, String path, int seconds) throws Exception {
    HttpRequest request = http.request(path).GET().build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      results.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  HttpResponse<String> r =
                      http.client().send(request, HttpResponse.BodyHandlers.ofString());
                  long took = System.nanoTime() - t0;
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " -> " + r.statusCode());
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    long total = 0;
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      long[] l = f.get();
      all.add(l);
      total += l.length;
    }
    pool.shutdown();
    long[] merged = new long[(int) total];
    int at = 0;
    for (long[] l : all) {
      System.arraycopy(l, 0, merged, at, l.length);
      at += l.length;
    }
    Arrays.sort(merged);
    assertThat(merged).isNotEmpty();
    return String.format(
        "GET %-55s %10.0f req/s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d requests)",
        path,
        total / (double) seconds,
        merged[merged.length / 2] / 1e6,
        merged[(int) Math.min(merged.length - 1, Math.ceil(merged.length * 0.99) - 1)] / 1e6,
        merged[merged.length - 1] / 1e6,
        total);
  }
}
