package io.tradecore.bench.durable;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.exchange.ExecutionCosts;
import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A durable replay as {@code tradecore run --feed replay:FILE --bars-per-second 0} does it, in this
 * process: a new portfolio in a new database (SQLite in a temporary directory, or a new PostgreSQL
 * database that is dropped afterwards), the paper exchange, sma-cross with its defaults and the
 * daily logs; times {@link PortfolioRunner#run} alone (not the JVM's start or the migrations).
 *
 * <pre>
 * ReplayBench --feed FILE [--db sqlite|postgresql] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres]
 *             [--keep true] [--warmup N]
 * </pre>
 *
 * The temporary directory (the SQLite database, the daily log's text file) is deleted afterwards
 * unless {@code --keep true}. The last line is {@code replay db=D events=N seconds=S events_per_s=R
 * cpu_s=C process_cpu_s=P}: {@code cpu_s} is the CPU time of the thread that runs the replay,
 * {@code process_cpu_s} that of the whole process over the run (the JIT compiler, the collector,
 * any thread of the runner's). {@code --warmup N} first does N whole replays in the same process,
 * each into a new database, each printing its line after {@code warmup I}: the last line is then a
 * replay with the code already compiled, not what a user's first run sees.
 */
public final class ReplayBench {
  static final PortfolioId ID = new PortfolioId("p-bench");

  private ReplayBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    int warmups = Integer.parseInt(a.getOrDefault("warmup", "0"));
    for (int i = 1; i <= warmups; i++) {
      once(a, "warmup " + i + " ");
    }
    once(a, "");
  }

  private static void once(Map<String, String> a, String label) throws Exception {
    Path feed = Path.of(a.getOrDefault("feed", "orcl.csv")).toAbsolutePath();
    String dialect = a.getOrDefault("db", "sqlite");
    String pgAdmin = a.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    Path dir = Files.createTempDirectory("replay-bench");
    String pgName =
        "tradecore_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Database db;
    if (dialect.equals("sqlite")) {
      db = Database.open("jdbc:sqlite:" + dir.resolve("tradecore.db"), null, null, 4);
    } else if (dialect.equals("postgresql")) {
      admin(pgAdmin, "CREATE DATABASE " + pgName);
      db =
          Database.open(
              pgAdmin.substring(0, pgAdmin.lastIndexOf('/') + 1) + pgName, "postgres", null, 4);
    } else {
      throw new IllegalArgumentException("--db must be sqlite or postgresql, not " + dialect);
    }
    try {
      db.migrate();
      PortfolioSettings settings = settings();
      PortfolioRecord record = create(db, settings);
      RunnerOptions options = options();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int applied;
      long nanos;
      long cpu;
      long processCpu;
      try (PortfolioRunner runner =
          PortfolioRunner.open(db, record, settings, options, Clock.systemUTC())) {
        runner.writeDailyLogs(
            new DailyLogs(
                db, record, settings, DailyLogs.textFileFor(dir, "bench"), Clock.systemUTC()));
        ReplayFeed replay = ReplayFeed.open("replay:" + feed, "USD", dir);
        long processCpu0 = processCpuNanos();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        applied = runner.run(replay);
        nanos = System.nanoTime() - t0;
        cpu = threads.getCurrentThreadCpuTime() - cpu0;
        processCpu = processCpuNanos() - processCpu0;
        System.out.println(
            "equity "
                + runner.portfolio().summary().equity().toPlainString()
                + ", fills "
                + runner.portfolio().ledger().fillCount());
      }
      System.out.printf(
          "%sreplay db=%s events=%d seconds=%.3f events_per_s=%.0f cpu_s=%.3f"
              + " process_cpu_s=%.3f%n",
          label,
          dialect,
          applied,
          nanos / 1e9,
          applied / (nanos / 1e9),
          cpu / 1e9,
          processCpu / 1e9);
    } finally {
      db.close();
      if (dialect.equals("postgresql")) {
        admin(pgAdmin, "DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
      }
      Args.cleanUp(a, dir);
    }
  }

  /** CPU time of every thread of this process (the JIT's and the collector's too). */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** sma-cross with its defaults, as fast as the feed goes, no costs. */
  static RunnerOptions options() {
    return new RunnerOptions(
        "sma-cross",
        Map.of(),
        "bench",
        ExecutionCosts.FREE,
        null,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        0,
        "bench",
        ProcessHandle.current().pid());
  }

  static PortfolioSettings settings() {
    return new PortfolioSettings(
        "USD",
        ZoneId.of("America/New_York"),
        "NYSE",
        new BigDecimal("100000"),
        Caps.NONE,
        new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14),
        Map.of());
  }

  static PortfolioRecord create(Database db, PortfolioSettings settings) {
    PortfolioRecord record =
        new PortfolioRecord(
            ID,
            "bench",
            "USD",
            "America/New_York",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            java.time.Instant.now());
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
    return record;
  }

  static void admin(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
