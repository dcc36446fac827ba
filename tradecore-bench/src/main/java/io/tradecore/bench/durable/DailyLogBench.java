package io.tradecore.bench.durable;

import io.tradecore.runner.PortfolioRunner;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.runner.feed.ReplayFeed;
import io.tradecore.store.Database;
import io.tradecore.store.DayRepository;
import io.tradecore.store.PortfolioRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What writing one day's daily log costs early and late in a long history: replays a feed (the ORCL
 * file: 5,036 days) into a new SQLite database without daily logs, then writes them on the
 * schedule, one day at a time, as a runner does after each day's close ({@link DailyLogs#catchUp}
 * at the day's due time), timing each.
 *
 * <pre>
 * DailyLogBench --feed FILE [--window 100] [--keep true]
 * </pre>
 *
 * The last line is {@code dailylog days=N early_us=E late_us=L ratio=R}: the median time of the
 * first and the last {@code window} days' logs, and late / early.
 */
public final class DailyLogBench {
  private DailyLogBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    Path feed = Path.of(a.getOrDefault("feed", "orcl.csv")).toAbsolutePath();
    int window = Integer.parseInt(a.getOrDefault("window", "100"));
    Path dir = Files.createTempDirectory("dailylog-bench");
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("tradecore.db"), null, null, 4)) {
      db.migrate();
      PortfolioSettings settings = ReplayBench.settings();
      PortfolioRecord record = ReplayBench.create(db, settings);
      try (PortfolioRunner runner =
          PortfolioRunner.open(db, record, settings, ReplayBench.options(), Clock.systemUTC())) {
        runner.run(ReplayFeed.open("replay:" + feed, "USD", dir));
      }
      List<DayRepository.Snapshot> snapshots =
          db.jdbi().withHandle(h -> new DayRepository().snapshots(h, ReplayBench.ID));
      DailyLogs logs =
          new DailyLogs(
              db, record, settings, DailyLogs.textFileFor(dir, "bench"), Clock.systemUTC());
      List<LocalDate> days =
          logs.calendar()
              .tradingDays(
                  LocalDate.parse(snapshots.get(0).day()),
                  LocalDate.parse(snapshots.get(snapshots.size() - 1).day()));
      long[] nanos = new long[days.size()];
      for (int i = 0; i < days.size(); i++) {
        long t0 = System.nanoTime();
        logs.catchUp(logs.dueAt(days.get(i)));
        nanos[i] = System.nanoTime() - t0;
      }
      long early = median(Arrays.copyOfRange(nanos, 0, window)) / 1000;
      long late = median(Arrays.copyOfRange(nanos, nanos.length - window, nanos.length)) / 1000;
      System.out.printf(
          "dailylog days=%d early_us=%d late_us=%d ratio=%.2f%n",
          days.size(), early, late, (double) late / early);
    } finally {
      Args.cleanUp(a, dir);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
