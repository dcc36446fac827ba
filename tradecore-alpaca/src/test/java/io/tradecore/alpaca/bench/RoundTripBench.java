package io.tradecore.alpaca.bench;

import io.tradecore.alpaca.AlpacaClient;
import io.tradecore.alpaca.OrderRequest;
import io.tradecore.alpaca.OrderSide;
import io.tradecore.alpaca.RetryPolicy;
import io.tradecore.alpaca.fake.FakeAlpaca;
import io.tradecore.alpaca.fake.TestClock;
import io.tradecore.core.domain.ClientOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures request round trips of {@link AlpacaClient} against the loopback fake: {@code GET
 * /v2/clock} and {@code POST /v2/orders} (a market order that fills), p50 and p99 after a warm-up.
 * Run: {@code java -cp <test classpath> io.tradecore.alpaca.bench.RoundTripBench [requests]}.
 */
public final class RoundTripBench {
  private RoundTripBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    TestClock clock = new TestClock(Instant.parse("2024-03-05T15:30:00Z"));
    try (FakeAlpaca fake = FakeAlpaca.start(clock);
        AlpacaClient client =
            AlpacaClient.builder(fake.config())
                .clock(clock)
                .sleeper(clock::advance) // the rate limiter's waits cost no wall time here
                .policy(RetryPolicy.DEFAULT)
                .build()) {
      fake.limitPerMinute(1_000_000);
      fake.setPrice("AAPL", "180.00");
      for (int i = 0; i < n / 2; i++) {
        client.clock();
      }
      report("GET /v2/clock", time(n, i -> client.clock()));
      report(
          "POST /v2/orders",
          time(
              n,
              i ->
                  client.submitOrder(
                      OrderRequest.market(
                          new ClientOrderId("bench-" + i),
                          "AAPL",
                          i % 2 == 0 ? OrderSide.BUY : OrderSide.SELL,
                          BigDecimal.ONE))));
    }
  }

  private interface Call {
    void run(int i);
  }

  private static long[] time(int n, Call call) {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      call.run(i);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String what, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "%-16s n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
