package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily logs after stops (issue 20, item 1): a runner trading two symbols, whose bars share each
 * day's timestamp, is stopped ten times, alternately with SIGTERM and SIGKILL, at random points; a
 * day's log must only be written once the whole day is applied, so at the end every daily log
 * equals an uninterrupted run's, figure for figure.
 */
class DailyLogCrashTest {
  private static final int WEEKDAYS = 300;
  private static final int STOPS = 10;
  private static final String PACE = "60";
  private static final String PORTFOLIO = "logged";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void daily_logs_after_stops_equal_an_uninterrupted_runs_on_sqlite() throws Exception {
    scenario(name -> TestStore.sqlite(dir.resolve(name).resolve("data")));
  }

  @Test
  void daily_logs_after_stops_equal_an_uninterrupted_runs_on_postgresql() throws Exception {
    scenario(name -> TestStore.postgres());
  }

  private void scenario(Function<String, TestStore> stores) throws Exception {
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), WEEKDAYS, 5, "ACME", "BOLT");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"), "runner:\n  lease_seconds: 2\n  heartbeat_seconds: 1\n");
    // Paced, so that stops land inside the replay's group commits, not only after a whole run.
    List<String> args = RunArgs.breakout(config, feed, PORTFOLIO, PACE);

    TestStore referenceStore = keep(stores.apply("reference"));
    PortfolioId reference =
        referenceStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliProcess uninterrupted =
        keep(new CliLauncher(dir.resolve("reference"), referenceStore.env()))
            .start("reference", args);

    TestStore store = keep(stores.apply("stopped"));
    PortfolioId stopped = store.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliLauncher launcher = keep(new CliLauncher(dir.resolve("stopped"), store.env()));
    Random random = new Random(20);
    int stops = 0;
    for (int k = 0; k < STOPS; k++) {
      long committed = store.feedPosition(stopped);
      long lastTarget = (long) (feed.events() * 0.95);
      if (committed >= lastTarget) {
        break; // a stop that came late on a busy machine left nothing to stop in
      }
      long left = lastTarget - committed;
      // A stop commits the group being applied, so the position may land past the target.
      long target =
          Math.min(
              committed + 1 + Math.max(0, (long) (random.nextDouble() * 2 * left / (STOPS - k))),
              Math.max(committed + 1, lastTarget));
      CliProcess runner =
          RunnerWaits.startWhenLeaseFree(launcher, store, stopped, "stop-" + (k + 1), args);
      RunnerWaits.awaitPosition(store, stopped, runner, target);
      LockSupport.parkNanos(Duration.ofMillis(random.nextInt(20)).toNanos());
      if (k % 2 == 0) {
        runner.terminate();
        runner.awaitExit(RunnerWaits.TIMEOUT);
      } else {
        runner.kill();
      }
      stops++;
    }
    assertThat(stops).as("stops before the end").isGreaterThan(STOPS / 2);
    CliProcess last = RunnerWaits.startWhenLeaseFree(launcher, store, stopped, "to-the-end", args);
    assertThat(last.awaitExit(RunnerWaits.TIMEOUT)).as(last::describe).isZero();
    assertThat(uninterrupted.awaitExit(RunnerWaits.TIMEOUT)).as(uninterrupted::describe).isZero();

    List<String> expected = logs(referenceStore, reference);
    assertThat(expected).as("a daily log per trading day").hasSizeGreaterThan(250);
    assertThat(logs(store, stopped)).containsExactlyElementsOf(expected);
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  /** Every daily log's figures, day by day. */
  private static List<String> logs(TestStore store, PortfolioId p) {
    return store
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT day, account_value, daily_pnl, daily_return, total_pnl, tier,"
                            + " trades, signals, warnings, errors, market_status, observations"
                            + " FROM daily_logs WHERE portfolio_id = :p ORDER BY day")
                    .bind("p", p.value())
                    .mapToMap()
                    .map(Object::toString)
                    .list());
  }
}
