package io.tradecore.bench.alpaca;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.BarTimeframe;
import io.tradecore.alpaca.StreamOptions;
import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.alpaca.fake.TestClock;
import io.tradecore.bench.durable.Args;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.PerInstrumentStrategies;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.alpaca.AlpacaFeed;
import io.tradecore.runner.alpaca.AlpacaVenue;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Bar received to order on the wire: a portfolio on the Alpaca venue, fed by {@link AlpacaFeed}
 * from the loopback fake's market-data stream, trading {@link FlipEveryBar} (an order on every bar)
 * through the runner, its engine and {@link AlpacaVenue}. Each bar is timed from the moment its
 * message comes off the client's market-data socket ({@link AlpacaFeed#arrivals}, the websocket
 * listener's first sight of it) to the moment the order's {@code POST /v2/orders} comes off the
 * wire at the fake: the first read of its bytes by the fake's connector ({@link
 * FakeAlpaca#onWire}), before the fake parses or routes it (both {@link System#nanoTime()} in this
 * one JVM). Also printed: the same bars to the start of the fake's HTTP handler (its parsing and
 * dispatch included, the end point until 2026-12-08), entries and exits apart, and the time from
 * just before the fake sends the bar (its own websocket write included). The next bar goes out once
 * the order's fill is stored and {@code --gap-ms} more have passed (default 20), as on a live feed,
 * where bars are a minute apart and the runner has finished with the last one when the next comes.
 *
 * <pre>
 * AlpacaLatencyBench [--bars 2000] [--warmup 200] [--gap-ms 20] [--keep false]
 * </pre>
 *
 * The last line printed is {@code alpaca-latency bars=N p50_ms=X p99_ms=Y max_ms=Z}.
 */
public final class AlpacaLatencyBench {
  private static final PortfolioId ID = new PortfolioId("alpaca-latency");
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The stream timings of the runner's tests: quick reconnects, should a stream drop. */
  private static final StreamOptions STREAMS =
      new StreamOptions(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofMillis(20),
          Duration.ofMillis(200));

  private AlpacaLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    int bars = Integer.parseInt(a.getOrDefault("bars", "2000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "200"));
    long gapMillis = Long.parseLong(a.getOrDefault("gap-ms", "20"));
    Path dir = Files.createTempDirectory("alpaca-latency");
    // Tuesday 5 March 2024, 10:30 in New York; a bar a second keeps the run inside the session.
    TestClock clock = new TestClock(Instant.parse("2024-03-05T15:30:00Z"));
    BlockingQueue<Long> orders = new LinkedBlockingQueue<>();
    Database db = Database.open("jdbc:sqlite:" + dir.resolve("tradecore.db"), null, null, 4);
    try (FakeAlpaca fake = FakeAlpaca.start(clock)) {
      fake.warmUp();
      fake.limitPerMinute(1_000_000);
      fake.setPrice("AAPL", "180.00");
      fake.onRequest(
          r -> {
            if (r.method().equals("POST") && r.path().equals("/v2/orders")) {
              orders.add(r.receivedNanos());
            }
          });
      AtomicLong onWire = new AtomicLong();
      fake.onWire(
          (nanos, bytes) -> {
            if (startsWith(bytes, ORDER_POST)) {
              onWire.compareAndSet(0, nanos);
            }
          });
      db.migrate();
      PortfolioSettings settings =
          new PortfolioSettings(
              "USD",
              ZoneId.of("America/New_York"),
              "NYSE",
              new BigDecimal("100000"),
              PortfolioSettings.DEFAULTS.caps(),
              PortfolioSettings.DEFAULTS.overnight(),
              Map.of());
      PortfolioRecord record =
          new PortfolioRecord(
              ID,
              "alpaca-latency",
              "USD",
              "America/New_York",
              "NYSE",
              new BigDecimal("100000"),
              settings.toJson(),
              clock.instant(),
              "alpaca");
      db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
      RunnerOptions options =
          new RunnerOptions(
              "flip-every-bar",
              Map.of(),
              "bench",
              ExecutionCosts.FREE,
              null,
              Duration.ofDays(7),
              Duration.ofSeconds(3),
              0,
              "bench-host",
              ProcessHandle.current().pid());
      PortfolioRunner runner =
          PortfolioRunner.open(
              db,
              record,
              settings,
              options,
              clock,
              new PerInstrumentStrategies(i -> new FlipEveryBar(10)),
              AlpacaVenue.factory(
                  () -> client(fake, clock), "bench", STREAMS, AlpacaVenue.POLL_INTERVAL));
      AlpacaFeed feed =
          new AlpacaFeed(
              client(fake, clock),
              List.of("AAPL"),
              BarTimeframe.MINUTE,
              TradingCalendars.of(TradingCalendars.NYSE),
              clock,
              STREAMS,
              Map.of());
      AtomicLong arrived = new AtomicLong();
      feed.arrivals(arrived::set);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread trading =
          Thread.ofPlatform()
              .name("runner")
              .start(
                  () -> {
                    try {
                      runner.run(feed);
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      try {
        await(
            "the market-data and trade streams to connect",
            failure,
            () -> fake.marketData().subscribers("AAPL") > 0 && fake.tradeStream().listeners() > 0);
        System.out.printf(
            Locale.ROOT,
            "alpaca-latency: java %s on %d cores; %d warm-up bars, then %d timed%n",
            Runtime.version(),
            Runtime.getRuntime().availableProcessors(),
            warmup,
            bars);
        long[] nanos = new long[bars];
        long[] handled = new long[bars];
        long[] fromSend = new long[bars];
        Instant barTime = clock.instant();
        for (int i = 0; i < warmup + bars; i++) {
          clock.advance(Duration.ofSeconds(1));
          barTime = barTime.plusSeconds(1);
          orders.clear();
          arrived.set(0);
          onWire.set(0);
          String price = i % 2 == 0 ? "180.00" : "180.01";
          long sent = System.nanoTime();
          fake.marketData().publishBar("AAPL", barTime, price, price, price, price, 1000);
          Long received = orders.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
          if (received == null) {
            throw new IllegalStateException(
                "no order reached the fake within " + WAIT.toSeconds() + " s of bar " + (i + 1));
          }
          long arrival = arrived.get();
          if (arrival == 0) {
            throw new IllegalStateException("bar " + (i + 1) + " did not come on the stream");
          }
          long wire = onWire.get();
          if (wire == 0) {
            throw new IllegalStateException("bar " + (i + 1) + "'s order was not seen on the wire");
          }
          if (i >= warmup) {
            nanos[i - warmup] = wire - arrival;
            handled[i - warmup] = received - arrival;
            fromSend[i - warmup] = wire - sent;
          }
          long fills = i + 1L;
          await("the fill of bar " + (i + 1) + " to be stored", failure, () -> stored(db) >= fills);
          // Live bars are a minute apart: the runner has long finished the last one's work (its
          // commits, the daily log's check) when the next comes. A short pause stands for that.
          Thread.sleep(gapMillis);
        }
        // Flat before even bars and holding before odd ones: entries (written ahead) and exits.
        long[] entries = new long[(bars + 1) / 2];
        long[] exits = new long[bars / 2];
        for (int i = 0; i < bars; i++) {
          if ((warmup + i) % 2 == 0) {
            entries[i / 2] = nanos[i];
          } else {
            exits[i / 2] = nanos[i];
          }
        }
        Arrays.sort(entries);
        Arrays.sort(exits);
        Arrays.sort(nanos);
        Arrays.sort(handled);
        Arrays.sort(fromSend);
        long over = Arrays.stream(nanos).filter(n -> n > 5_000_000L).count();
        System.out.printf(
            Locale.ROOT,
            "alpaca-latency: min %.3f ms, p90 %.3f ms, p95 %.3f ms, p99.9 %.3f ms; %d of %d bars"
                + " over 5 ms%n",
            nanos[0] / 1e6,
            percentile(nanos, 0.90) / 1e6,
            percentile(nanos, 0.95) / 1e6,
            percentile(nanos, 0.999) / 1e6,
            over,
            bars);
        System.out.println(
            "alpaca-latency: from just before the fake sends the bar (its own websocket write"
                + " included): "
                + spread(fromSend));
        System.out.printf(
            Locale.ROOT,
            "alpaca-latency: entries p50 %.3f ms, p99 %.3f ms; exits p50 %.3f ms, p99 %.3f ms%n",
            percentile(entries, 0.50) / 1e6,
            percentile(entries, 0.99) / 1e6,
            percentile(exits, 0.50) / 1e6,
            percentile(exits, 0.99) / 1e6);
        System.out.println(
            "alpaca-latency: to the fake's HTTP handler (its parsing and dispatch included): "
                + spread(handled));
        System.out.printf(
            Locale.ROOT,
            "alpaca-latency bars=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
            bars,
            percentile(nanos, 0.50) / 1e6,
            percentile(nanos, 0.99) / 1e6,
            nanos[bars - 1] / 1e6);
      } finally {
        feed.stop();
        trading.join(WAIT);
        runner.close();
        feed.close();
      }
      if (failure.get() != null) {
        throw new IllegalStateException("the run failed", failure.get());
      }
    } finally {
      db.close();
      Args.cleanUp(a, dir);
    }
  }

  private static final byte[] ORDER_POST =
      "POST /v2/orders ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Whether {@code bytes} (from its position) begin with {@code prefix}. */
  private static boolean startsWith(java.nio.ByteBuffer bytes, byte[] prefix) {
    if (bytes.remaining() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes.get(bytes.position() + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** {@code p50 X ms, p99 Y ms, max Z ms} of sorted nanoseconds. */
  private static String spread(long[] sorted) {
    return String.format(
        Locale.ROOT,
        "p50 %.3f ms, p99 %.3f ms, max %.3f ms",
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** The nearest-rank percentile {@code p} (0-1) of sorted values. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static AlpacaClient client(FakeAlpaca fake, TestClock clock) {
    return AlpacaClient.builder(fake.config()).clock(clock).build();
  }

  private static long stored(Database db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM fills WHERE portfolio_id = :p")
                    .bind("p", ID.value())
                    .mapTo(Long.class)
                    .one());
  }

  /** Polls {@code condition} every few milliseconds until it holds, failing after {@link #WAIT}. */
  private static void await(
      String what, AtomicReference<Throwable> failure, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (failure.get() != null) {
        throw new IllegalStateException("the run failed waiting for " + what, failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
