package io.tradecore.insights.bench;

import io.tradecore.insights.SampleRun;
import io.tradecore.insights.Series;
import io.tradecore.insights.TraceQuery;
import io.tradecore.insights.TraceResult;
import io.tradecore.insights.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times trace queries on a generated run: {@code generate} writes the trace if it is missing;
 * {@code measure} deletes the Parquet cache, then times the first query on the raw CSV (its cache
 * build included: the partial cache that answers it) and, once the whole cache has been built in
 * the background, later ones; it checks that they answer alike and prints as its last line {@code
 * traces rows=N cold_ms=N warm_ms=N peak_rss_mb=N}.
 */
public final class TraceBench {
  private TraceBench() {}

  /** Options: --data DIR --rows N --envs K --seed S --metric M --env E --points P --warm W. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("generate") || args[0].equals("measure"))) {
      System.err.println(
          "usage: TraceBench generate|measure [--data DIR] [--rows N] [--envs K] [--seed S]"
              + " [--metric M] [--env E] [--points P] [--warm W]");
      System.exit(2);
    }
    Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
    Path run = o.data.resolve("run-" + o.rows + "x" + o.envs);
    Path trace = run.resolve(run.getFileName() + "_actions.csv");
    if (args[0].equals("generate")) {
      generate(o, run, trace);
    } else {
      measure(o, trace);
    }
  }

  private static void generate(Options o, Path run, Path trace) throws IOException {
    if (Files.isRegularFile(trace)) {
      say("%s exists (%d MB), not regenerated", trace, Files.size(trace) / 1_000_000);
      return;
    }
    long start = System.nanoTime();
    SampleRun.write(run, o.rows, o.envs, o.seed);
    say(
        "generated %s: %d rows x %d envs, %d MB in %d ms",
        trace,
        o.rows,
        o.envs,
        Files.size(trace) / 1_000_000,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static void measure(Options o, Path trace) throws Exception {
    if (!Files.isRegularFile(trace)) {
      throw new IllegalStateException(trace + " is missing: run TraceBench generate first");
    }
    say(
        "java %s, %d cores, max heap %d MiB; trace %s (%d MB)",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        trace,
        Files.size(trace) / 1_000_000);
    Path cache = o.data.resolve("cache");
    deleteTree(cache);
    try (TraceStore store = new TraceStore(cache)) {
      long t0 = System.nanoTime();
      store.start();
      say("DuckDB started in %d ms (not counted below)", ms(t0));
      TraceQuery q = TraceQuery.of(o.metric).withEnv(o.env).withMaxPoints(o.points);
      say("load average before: %s", loadAverage());
      t0 = System.nanoTime();
      TraceResult cold = store.query(trace, q);
      long coldMs = ms(t0);
      if (!cold.cacheBuilt()) {
        throw new IllegalStateException("the first query did not build the cache");
      }
      say("cold: %d ms (cache build + query); %s", coldMs, describe(cold));
      t0 = System.nanoTime();
      store.awaitBackgroundCaches();
      say("whole cache built in the background: ready %d ms after the cold answer", ms(t0));
      List<Long> warm = new ArrayList<>();
      for (int i = 0; i < o.warm; i++) {
        t0 = System.nanoTime();
        TraceResult r = store.query(trace, q);
        warm.add(ms(t0));
        if (i == 0) {
          say("warm: %s", describe(r));
          // describe() holds the stats (the mean to two decimals: parallel sums differ in the
          // last bits with the rows' layout).
          if (!describe(r).equals(describe(cold))
              || !r.sampleRows().equals(cold.sampleRows())
              || !java.util.Arrays.equals(r.series().get(0).steps(), cold.series().get(0).steps())
              || !java.util.Arrays.equals(
                  r.series().get(0).values(), cold.series().get(0).values())) {
            throw new IllegalStateException("the warm answer differs from the cold one");
          }
        }
      }
      List<Long> sorted = warm.stream().sorted().toList();
      long warmMs = sorted.get(sorted.size() / 2);
      say("warm: %d later queries, median %d ms, all %s", o.warm, warmMs, warm);
      say("load average after: %s", loadAverage());
      long rows = store.info(trace).rowCount();
      say("cache: %d MB of Parquet in %s", size(cache) / 1_000_000, cache);
      long rss = peakRssMb();
      System.out.printf(
          Locale.ROOT,
          "traces rows=%d cold_ms=%d warm_ms=%d peak_rss_mb=%d%n",
          rows,
          coldMs,
          warmMs,
          rss);
    }
  }

  private static String describe(TraceResult r) {
    Series s = r.series().get(0);
    var st = r.stats().get(s.metric());
    return String.format(
        Locale.ROOT,
        "%s env %s: %d series, the first %d points of %d finite rows (%s), stats count=%d"
            + " non_finite=%d min=%.2f max=%.2f mean=%.2f, %d sample rows",
        s.metric(),
        r.env(),
        r.series().size(),
        s.size(),
        s.finiteRows(),
        r.method(),
        st.count(),
        st.nonFiniteCount(),
        st.min(),
        st.max(),
        st.mean(),
        r.sampleRows().size());
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.isReadable(loadavg)) {
      return "unknown";
    }
    String[] f = Files.readString(loadavg).trim().split("\\s+");
    return f[0] + " " + f[1] + " " + f[2];
  }

  /** The process's peak resident set size (VmHWM in /proc/self/status), in MB; -1 if unknown. */
  static long peakRssMb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void say(String format, Object... args) {
    System.out.println("traces: " + String.format(Locale.ROOT, format, args));
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      long total = 0;
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Command-line options with the benchmark's defaults. */
  private static final class Options {
    Path data = Path.of("bench/target/traces");
    long rows = 10_000_000;
    int envs = 8;
    long seed = 20261121;
    String metric = "equity";
    String env = "3";
    int points = 5000;
    int warm = 5;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--data" -> o.data = Path.of(value);
          case "--rows" -> o.rows = Long.parseLong(value);
          case "--envs" -> o.envs = Integer.parseInt(value);
          case "--seed" -> o.seed = Long.parseLong(value);
          case "--metric" -> o.metric = value;
          case "--env" -> o.env = value;
          case "--points" -> o.points = Integer.parseInt(value);
          case "--warm" -> o.warm = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      return o;
    }
  }
}
