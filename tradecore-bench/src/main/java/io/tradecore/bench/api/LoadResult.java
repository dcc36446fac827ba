package io.tradecore.bench.api;

import java.util.Locale;

/**
 * One timed run of closed-loop load against one URL: requests/s over the run and latency
 * percentiles in milliseconds; {@code errors} counts non-2xx answers, socket errors and timeouts.
 */
record LoadResult(
    String client,
    long requests,
    double seconds,
    double rps,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    long errors) {

  /** A one-line description for the log. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%s: %d requests in %.1f s = %.0f req/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms; %d errors",
        client,
        requests,
        seconds,
        rps,
        p50Ms,
        p90Ms,
        p99Ms,
        maxMs,
        errors);
  }
}
