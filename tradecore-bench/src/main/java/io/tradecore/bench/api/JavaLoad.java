package io.tradecore.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load from java.net.http, for machines without wrk: {@code connections} virtual-thread workers,
 * each sending the next request when the last one's body has arrived (closed loop, as wrk does),
 * over one HTTP/1.1 client that keeps its connections alive.
 */
final class JavaLoad {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  LoadResult run(String url, int connections, int seconds) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Future<long[]>> workers = new ArrayList<>();
    long[] errors = new long[connections];
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < connections; c++) {
        int worker = c;
        workers.add(
            pool.submit(
                () -> {
                  long[] took = new long[1 << 12];
                  int n = 0;
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      if (r.statusCode() / 100 != 2) {
                        errors[worker]++;
                      }
                    } catch (java.io.IOException e) {
                      errors[worker]++;
                    }
                    if (n == took.length) {
                      took = Arrays.copyOf(took, n * 2);
                    }
                    took[n++] = System.nanoTime() - t0;
                  }
                  return Arrays.copyOf(took, n);
                }));
      }
      List<long[]> all = new ArrayList<>();
      int total = 0;
      for (Future<long[]> f : workers) {
        long[] l = f.get();
        all.add(l);
        total += l.length;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] merged = new long[total];
      int at = 0;
      for (long[] l : all) {
        System.arraycopy(l, 0, merged, at, l.length);
        at += l.length;
      }
      Arrays.sort(merged);
      if (total == 0) {
        throw new IllegalStateException("no request finished against " + url);
      }
      return new LoadResult(
          "java.net.http",
          total,
          elapsed,
          total / elapsed,
          percentile(merged, 0.50),
          percentile(merged, 0.90),
          percentile(merged, 0.99),
          merged[total - 1] / 1e6,
          Arrays.stream(errors).sum());
    }
  }

  /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  private static double percentile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
