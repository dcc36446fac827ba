package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.RunRecord;
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
 * Fencing (issue 13): a runner frozen with SIGSTOP past its lease, at a random point (between
 * commits or inside one), while a second runner takes the portfolio over; then SIGCONT. The first
 * must commit nothing more and exit saying it lost the lease. On SQLite, where a frozen process may
 * hold the database's write lock, the second runner may instead be refused with a message that
 * names the frozen process; the first then goes on as the holder. Three rounds, then the last
 * holder runs to the end, and the books must equal an uninterrupted run's.
 */
class PausedRunnerTest {
  private static final int WEEKDAYS = 300;
  private static final int ROUNDS = 3;
  private static final String PORTFOLIO = "paused";

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
  void a_paused_runner_that_lost_its_lease_commits_nothing_more_on_sqlite() throws Exception {
    scenario(name -> TestStore.sqlite(dir.resolve(name).resolve("data")));
  }

  @Test
  void a_paused_runner_that_lost_its_lease_commits_nothing_more_on_postgresql() throws Exception {
    scenario(name -> TestStore.postgres());
  }

  private void scenario(Function<String, TestStore> stores) throws Exception {
    Feeds.Feed feed = Feeds.write(dir.resolve("feed"), WEEKDAYS, 17, "ACME");
    Path config =
        Files.writeString(
            dir.resolve("tradecore.yaml"), "runner:\n  lease_seconds: 2\n  heartbeat_seconds: 1\n");
    List<String> reference = RunArgs.breakout(config, feed, PORTFOLIO, "0");
    List<String> paced = RunArgs.breakout(config, feed, PORTFOLIO, "20");

    TestStore referenceStore = keep(stores.apply("reference"));
    PortfolioId referenceId =
        referenceStore.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliProcess uninterrupted =
        keep(new CliLauncher(dir.resolve("reference"), referenceStore.env()))
            .start("reference", reference);

    TestStore store = keep(stores.apply("paused"));
    PortfolioId id = store.createPortfolio(PORTFOLIO, PortfolioSettings.DEFAULTS).id();
    CliLauncher launcher = keep(new CliLauncher(dir.resolve("paused"), store.env()));
    Random random = new Random(7);
    CliProcess holder = RunnerWaits.startWhenLeaseFree(launcher, store, id, "first", paced);
    int takeovers = 0;
    int lockedOut = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      RunnerWaits.awaitPosition(store, id, holder, store.feedPosition(id) + 20);
      LockSupport.parkNanos(Duration.ofMillis(random.nextInt(50)).toNanos());
      holder.pause();
      long frozenAt = store.feedPosition(id);
      RunnerWaits.awaitLeaseFree(store, id);
      String label = "round-" + round;
      CliProcess next = launcher.start(label, paced);
      boolean tookOver =
          Await.value(
              RunnerWaits.TIMEOUT,
              () -> label + " runner to take over or give up: " + next.describe(),
              () -> {
                if (store.lease(id).filter(l -> l.pid() == next.pid()).isPresent()) {
                  return java.util.Optional.of(true);
                }
                return next.isAlive() ? java.util.Optional.empty() : java.util.Optional.of(false);
              });
      if (tookOver) {
        takeovers++;
        RunnerWaits.awaitPosition(store, id, next, frozenAt + 10);
        holder.resume();
        assertThat(holder.awaitExit(RunnerWaits.TIMEOUT)).as(holder::describe).isEqualTo(1);
        assertThat(holder.stderr())
            .as(holder::describe)
            .contains("lost the lease on portfolio " + PORTFOLIO);
        holder = next;
      } else {
        // Only SQLite: the frozen runner held the write lock, and the new one says who has it.
        lockedOut++;
        assertThat(next.awaitExit(RunnerWaits.TIMEOUT)).as(next::describe).isEqualTo(1);
        assertThat(next.stderr())
            .as(next::describe)
            .contains("stayed locked for writing", "pid " + holder.pid(), "stopped");
        holder.resume();
      }
    }
    assertThat(holder.awaitExit(RunnerWaits.TIMEOUT)).as(holder::describe).isZero();
    assertThat(uninterrupted.awaitExit(RunnerWaits.TIMEOUT)).as(uninterrupted::describe).isZero();
    System.out.printf(
        "paused runner (%s): %d takeovers, %d refusals naming the frozen holder%n",
        store, takeovers, lockedOut);

    List<RunRecord> runs = store.runs(id);
    assertThat(runs.get(runs.size() - 1).endReason()).isEqualTo("feed ended");
    Books.assertSame(Books.read(referenceStore.db(), referenceId), Books.read(store.db(), id));
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
